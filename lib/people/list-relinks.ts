import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { rowsOf } from '@/lib/db/rows';
import type { UnitGrant } from '@/lib/organisation/unit-grant';
import { personName } from '@/lib/text/person-name';

/** One 'Koppel opnieuw' as the audit log holds it: who did it, when, for whom, and which account it took over. */
export type Relink = {
  id: number;
  at: Date;
  actor: string | null;
  knownUserId: string;
  /** The person as they are now (with the new itsme account's names). */
  person: string;
  replacedUserId: string;
  /** When the re-created account first logged in (registered) as a stranger. */
  replacedRegisteredAt: Date;
};

type Row = {
  id: number | string;
  at: Date | string;
  actor_given: string | null;
  actor_family: string | null;
  known_id: string;
  known_given: string | null;
  known_family: string;
  replaced_id: string;
  replaced_created: Date | string;
};

/** The centre's latest relinks (the audit events relinkIdentity writes for it), newest first. */
export async function listRelinks(db: Db, grant: UnitGrant<'people.relink'>, limit = 20): Promise<Relink[]> {
  const result = await db.execute(sql`
    select e.id, e.at, a.given_name as actor_given, a.family_name as actor_family,
      k.id as known_id, k.given_name as known_given, k.family_name as known_family,
      r.id as replaced_id, r.created_at as replaced_created
    from audit_events e
    join users k on k.id::text = e.target_id
    join users r on r.id::text = e.details->>'replacedUserId'
    left join users a on a.id = e.actor_id
    where e.action = 'identity_relinked' and e.dossier_id is null and e.target_type = 'user'
      and e.details->>'centreId' = ${grant.unit.centreId}
    order by e.id desc
    limit ${limit}`);
  return rowsOf<Row>(result).map((r) => ({
    id: Number(r.id),
    at: new Date(r.at),
    actor: r.actor_family ? personName({ givenName: r.actor_given, familyName: r.actor_family }) : null,
    knownUserId: r.known_id,
    person: personName({ givenName: r.known_given, familyName: r.known_family }),
    replacedUserId: r.replaced_id,
    replacedRegisteredAt: new Date(r.replaced_created),
  }));
}
