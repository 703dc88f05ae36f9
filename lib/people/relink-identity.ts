import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit/record-event';
import type { Db } from '@/lib/db/client';
import { rowsOf } from '@/lib/db/rows';
import { dossierContacts, sessions, users } from '@/lib/db/schema';
import type { UnitGrant } from '@/lib/organisation/unit-grant';
import { foldNamePart, personName } from '@/lib/text/person-name';
import { limitWork } from '@/lib/rate-limit/limits';
import { isUuid } from '@/lib/text/uuid';
import { accessInCentre, anyAccess, holdsOutsideCentre } from './access-in-centre';

export type RelinkInput = {
  /** The person as Diplon knows them, with their access (the old itsme `sub`). */
  knownUserId: unknown;
  /** The same person after re-creating their itsme account: registered anew, with no access yet. */
  newUserId: unknown;
};

/**
 * Every refusal is one answer: which condition failed would tell staff whether an account has
 * access elsewhere, or in another centre.
 */
export type RelinkResult = { status: 'relinked'; name: string } | { status: 'refused' } | { status: 'rate_limited' };

/** The dead `sub` a relinked stranger keeps: no itsme login can ever present it. */
export const RELINKED = 'relinked:';

const REFUSED = { status: 'refused' } as const;

/**
 * The same person as itsme names them: equal given and family names once case, accents, spaces
 * and punctuation are folded away; an account without a given name is never the same person.
 */
export function sameName(a: { givenName: string | null; familyName: string }, b: { givenName: string | null; familyName: string }): boolean {
  const given = [foldNamePart(a.givenName), foldNamePart(b.givenName)];
  const family = [foldNamePart(a.familyName), foldNamePart(b.familyName)];
  return given[0] !== '' && given[0] === given[1] && family[0] !== '' && family[0] === family[1];
}

async function has(tx: Db, condition: SQL): Promise<boolean> {
  return Boolean(rowsOf<{ found: boolean }>(await tx.execute(sql`select ${condition} as found`))[0]?.found);
}

/**
 * 'Koppel opnieuw': itsme gives a person who deleted and re-created their account a new `sub`,
 * so they register as a stranger. Centre staff who have checked (outside Diplon) that both are
 * the same person move the itsme identity onto the known person: the known row takes the new
 * `sub` and itsme's names, so every contact, membership, invitation and audit event stays with
 * them; the stranger's row keeps a dead `sub` (its registration stays in the audit log). Both
 * persons' sessions end. One transaction, audited: one event for the centre (its 'Koppel
 * opnieuw' page lists them) and one in the logbook of each dossier the person is a contact of,
 * each keeping the names the person had before.
 *
 * Who may: centre staff, on their centre (`people.relink` in the permission table). Refused, all
 * with the one answer `refused`, unless every rule holds, on the server, whatever ids the client
 * sent:
 * - the known person has access in the grant's centre (a confirmed contact or an active
 *   membership) and holds nothing in any other centre (the relink would move it too);
 * - the new account has no access anywhere (that would be a merge) and registered after the
 *   known person last logged in (an older account is not a re-created one);
 * - itsme gives both the same given and family name (`sameName`).
 */
export async function relinkIdentity(db: Db, grant: UnitGrant<'people.relink'>, input: RelinkInput): Promise<RelinkResult> {
  const { knownUserId, newUserId } = input;
  if (grant.unit.kind !== 'centre' || typeof knownUserId !== 'string' || typeof newUserId !== 'string' || !isUuid(knownUserId) || !isUuid(newUserId)) {
    return REFUSED;
  }
  if (knownUserId === newUserId) return REFUSED;
  // At most RATE_RELINKS_PER_WINDOW per staff member: moving people's access is rare work.
  if (!(await limitWork(db, 'relink', grant.actor.id)).allowed) return { status: 'rate_limited' };
  const centreId = grant.unit.centreId;
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(users)
      .where(inArray(users.id, [knownUserId, newUserId]))
      .for('update');
    const known = rows.find((r) => r.id === knownUserId);
    const fresh = rows.find((r) => r.id === newUserId);
    // A row already relinked is a dead identity, not a new account.
    if (!known || !fresh || fresh.itsmeSub.startsWith(RELINKED) || known.itsmeSub.startsWith(RELINKED)) return REFUSED;
    if (!sameName(known, fresh)) return REFUSED;
    const later = sql`(select f.created_at from users f where f.id = ${fresh.id}::uuid)
      > (select coalesce(k.last_login_at, k.created_at) from users k where k.id = ${known.id}::uuid)`;
    if (!(await has(tx, later))) return REFUSED;
    if (!(await has(tx, accessInCentre(sql`${known.id}::uuid`, centreId)))) return REFUSED;
    if (await has(tx, holdsOutsideCentre(sql`${known.id}::uuid`, centreId))) return REFUSED;
    if (await has(tx, anyAccess(sql`${fresh.id}::uuid`))) return REFUSED;

    const newSub = fresh.itsmeSub;
    await tx.update(users).set({ itsmeSub: `${RELINKED}${fresh.id}` }).where(eq(users.id, fresh.id));
    await tx
      .update(users)
      .set({ itsmeSub: newSub, givenName: fresh.givenName, familyName: fresh.familyName, email: fresh.email ?? known.email })
      .where(eq(users.id, known.id));
    await tx.delete(sessions).where(inArray(sessions.userId, [known.id, fresh.id]));
    // The names the person had, so the history never reads as if the new names were always theirs.
    const details = {
      replacedUserId: fresh.id,
      centreId: grant.unit.centreId,
      previousName: { givenName: known.givenName, familyName: known.familyName },
      newName: { givenName: fresh.givenName, familyName: fresh.familyName },
    };
    await recordAudit(tx, { actorId: grant.actor.id, action: 'identity_relinked', targetType: 'user', targetId: known.id, details, origin: grant.origin });
    const contacts = await tx
      .select({ id: dossierContacts.id, dossierId: dossierContacts.dossierId })
      .from(dossierContacts)
      .where(and(eq(dossierContacts.userId, known.id), isNull(dossierContacts.revokedAt)));
    for (const contact of contacts) {
      await recordAudit(tx, {
        actorId: grant.actor.id,
        action: 'identity_relinked',
        dossierId: contact.dossierId,
        targetType: 'contact',
        targetId: contact.id,
        details,
        origin: grant.origin,
      });
    }
    return { status: 'relinked', name: personName(fresh) } as const;
  });
}
