import { sql } from 'drizzle-orm';
import type { ContactRole, StaffRole } from '@/lib/codes';
import type { Db } from '@/lib/db/client';
import { rowsOf } from '@/lib/db/rows';
import type { UnitGrant } from '@/lib/organisation/unit-grant';
import { personName } from '@/lib/text/person-name';
import { limitWork } from '@/lib/rate-limit/limits';
import { cleanText } from '@/lib/text/clean-text';
import { isUuid } from '@/lib/text/uuid';
import { accessInCentre, anyAccess } from './access-in-centre';
import { RELINKED, sameName } from './relink-identity';

/** A person as 'Koppel opnieuw' shows them: the itsme name, when they registered and last logged in. */
export type RelinkPerson = {
  id: string;
  name: string;
  familyName: string;
  registeredAt: Date;
  lastLoginAt: Date | null;
};

/** A person the centre knows, with what they have in the centre. */
export type KnownPerson = RelinkPerson & { givenName: string | null; staffRoles: StaffRole[]; contactRoles: ContactRole[] };

const MAX = 20;

type Row = { id: string; given_name: string | null; family_name: string; created_at: Date | string; last_login_at: Date | string | null };

const person = (r: Row): RelinkPerson => ({
  id: r.id,
  name: personName({ givenName: r.given_name, familyName: r.family_name }),
  familyName: r.family_name,
  registeredAt: new Date(r.created_at),
  lastLoginAt: r.last_login_at ? new Date(r.last_login_at) : null,
});

async function known(db: Db, grant: UnitGrant<'people.relink'>, where: ReturnType<typeof sql>): Promise<KnownPerson[]> {
  const centre = grant.unit.centreId;
  const result = await db.execute(sql`
    select u.id, u.given_name, u.family_name, u.created_at, u.last_login_at,
      array(select distinct c.role::text from dossier_contacts c join dossiers d on d.id = c.dossier_id
            where c.user_id = u.id and c.revoked_at is null and c.status = 'confirmed' and d.centre_id = ${centre}::uuid) as contact_roles,
      array(select distinct m.role::text from staff_memberships m
            left join schools s on s.id = m.school_id
            left join departments dp on dp.id = m.department_id
            left join schools ds on ds.id = dp.school_id
            where m.user_id = u.id and m.active and coalesce(m.centre_id, s.centre_id, ds.centre_id) = ${centre}::uuid) as staff_roles
    from users u
    where ${where} and ${accessInCentre(sql`u.id`, centre)}
    order by lower(u.family_name), lower(coalesce(u.given_name, '')), u.created_at
    limit ${MAX}`);
  return rowsOf<Row & { contact_roles: ContactRole[]; staff_roles: StaffRole[] }>(result).map((r) => ({
    ...person(r),
    givenName: r.given_name,
    contactRoles: r.contact_roles,
    staffRoles: r.staff_roles,
  }));
}

/**
 * Step 1 of 'Koppel opnieuw': people with access in the grant's centre whose name contains
 * `query` (at most twenty). Never by e-mail: itsme's address proves nothing. Null when the staff
 * member searched more than RATE_RELINK_SEARCHES_PER_WINDOW times (a list of the centre's people
 * is not to be harvested).
 */
export async function findKnownPeople(db: Db, grant: UnitGrant<'people.relink'>, query: string): Promise<KnownPerson[] | null> {
  const words = cleanText(query).trim().toLocaleLowerCase('nl-BE').slice(0, 100);
  if (words.length < 2) return [];
  if (!(await limitWork(db, 'relink_search', grant.actor.id)).allowed) return null;
  return known(db, grant, sql`position(${words} in lower(coalesce(u.given_name, '') || ' ' || u.family_name)) > 0`);
}

/** One person with access in the grant's centre, or null (unknown, malformed or not of this centre alike). */
export async function findKnownPerson(db: Db, grant: UnitGrant<'people.relink'>, userId: unknown): Promise<KnownPerson | null> {
  if (!isUuid(userId)) return null;
  return (await known(db, grant, sql`u.id = ${userId}::uuid`))[0] ?? null;
}

/**
 * Step 2: who may be `knownPerson`'s re-created itsme account — people who registered after
 * the known person last logged in, with the same given and family name (`sameName`, the rule
 * relinkIdentity enforces), and no access anywhere yet; newest first, at most twenty. Staff compare names and registration times, and check outside
 * Diplon (a phone call) that it is the same person.
 */
export async function listNewIdentities(db: Db, knownPerson: KnownPerson): Promise<RelinkPerson[]> {
  const result = await db.execute(sql`
    select u.id, u.given_name, u.family_name, u.created_at, u.last_login_at
    from users u
    where u.id <> ${knownPerson.id}::uuid
      and u.itsme_sub not like ${`${RELINKED}%`}
      and lower(trim(u.family_name)) = lower(trim(${knownPerson.familyName}))
      and u.created_at > ${(knownPerson.lastLoginAt ?? knownPerson.registeredAt).toISOString()}::timestamptz
      and not ${anyAccess(sql`u.id`)}
    order by u.created_at desc
    limit ${MAX}`);
  return rowsOf<Row>(result)
    .filter((r) => sameName(knownPerson, { givenName: r.given_name, familyName: r.family_name }))
    .map(person);
}
