import { randomUUID } from 'node:crypto';
import { findSession, type Viewer } from '@/lib/auth/find-session';
import { hashSessionToken } from '@/lib/auth/session-token';
import type { DossierAction, UnitAction } from '@/lib/auth/permissions';
import { resolveUnitGrant, type UnitGrant, type UnitRef } from '@/lib/organisation/unit-grant';
import type { ContactRole, StaffRole } from '@/lib/codes';
import { eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { resolveDossierGrant, type DossierGrant } from '@/lib/dossiers/dossier-grant';
import * as t from '@/lib/db/schema';
import { studentSearchName } from '@/lib/text/search-name';

/** Small builders that make their own organisation tree, so test files never collide. */
export async function makeOrganisation(db: Db) {
  const [centre] = await db.insert(t.centres).values({ name: `Centrum ${randomUUID().slice(0, 8)}` }).returning();
  const [school] = await db.insert(t.schools).values({ centreId: centre!.id, name: 'School A' }).returning();
  const [otherSchool] = await db.insert(t.schools).values({ centreId: centre!.id, name: 'School B' }).returning();
  const [department] = await db.insert(t.departments).values({ schoolId: school!.id, name: 'Afdeling A1' }).returning();
  const [otherDepartment] = await db.insert(t.departments).values({ schoolId: school!.id, name: 'Afdeling A2' }).returning();
  return { centre: centre!, school: school!, otherSchool: otherSchool!, department: department!, otherDepartment: otherDepartment! };
}

export async function makeUser(db: Db, name = 'Test Persoon') {
  const [given, family = 'Persoon'] = name.split(' ');
  const [user] = await db
    .insert(t.users)
    .values({ itsmeSub: `test-${randomUUID()}`, givenName: given!, familyName: family, email: null })
    .returning();
  return user!;
}

export async function makeDossier(
  db: Db,
  org: { centre: { id: string }; school: { id: string }; department?: { id: string } | null },
  student: { givenName?: string; familyName?: string } = {},
) {
  const givenName = student.givenName ?? 'Lien';
  const familyName = student.familyName ?? `Proef${randomUUID().slice(0, 6)}`;
  const [row] = await db
    .insert(t.students)
    .values({
      centreId: org.centre.id,
      schoolId: org.school.id,
      departmentId: org.department?.id ?? null,
      givenName,
      familyName,
      searchName: studentSearchName(givenName, familyName),
      birthYear: 2015,
      className: 'L4',
    })
    .returning();
  const [dossier] = await db.insert(t.dossiers).values({ studentId: row!.id, centreId: org.centre.id }).returning();
  return { student: row!, dossier: dossier! };
}

/**
 * A staff member with a real session, read back the way every request reads its caller
 * (findSession), for tests that need a grant: grants come only from the product's resolver.
 */
export async function makeStaff(
  db: Db,
  unit: { role: StaffRole; centreId?: string; schoolId?: string; departmentId?: string },
  name = 'Sofie Janssens',
) {
  const user = await makeUser(db, name);
  await db.insert(t.staffMemberships).values({ userId: user.id, ...unit });
  const token = `test-${randomUUID()}`;
  await db.insert(t.sessions).values({ sessionToken: hashSessionToken(token), userId: user.id, expires: new Date(Date.now() + 3_600_000) });
  const viewer = await findSession(db, token);
  if (!viewer) throw new Error('the test session was not found');
  return { user, viewer };
}

/** The caller's grant on a dossier through the resolver the product uses; fails the test when refused. */
export async function grantFor<A extends DossierAction>(db: Db, caller: Viewer, dossierId: string, action: A): Promise<DossierGrant<A>> {
  const grant = await resolveDossierGrant(db, caller, dossierId, action, '203.0.113.7');
  if (!grant) throw new Error(`no ${action} grant on ${dossierId}`);
  return grant;
}

/** The caller's grant on a unit through the product's resolver; fails the test when refused. */
export async function unitGrantFor<A extends UnitAction>(db: Db, caller: Viewer, unit: UnitRef, action: A): Promise<UnitGrant<A>> {
  const grant = await resolveUnitGrant(db, caller, unit, action, '203.0.113.7');
  if (!grant) throw new Error(`no ${action} grant on ${unit.kind} ${unit.id}`);
  return grant;
}

/** A dossier contact (parent, teacher, …) with a real session, read back through findSession. */
export async function makeContact(db: Db, dossierId: string, role: ContactRole, email: string | null = null) {
  const user = await makeUser(db, 'Koen Contact');
  if (email) await db.update(t.users).set({ email }).where(eq(t.users.id, user.id));
  const [contact] = await db.insert(t.dossierContacts).values({ dossierId, userId: user.id, role }).returning();
  const token = `test-${randomUUID()}`;
  await db.insert(t.sessions).values({ sessionToken: hashSessionToken(token), userId: user.id, expires: new Date(Date.now() + 3_600_000) });
  const viewer = await findSession(db, token);
  if (!viewer) throw new Error('the test session was not found');
  return { user, viewer, contact: contact! };
}
