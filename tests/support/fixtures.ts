import { randomUUID } from 'node:crypto';
import type { Db } from '@/lib/db/client';
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
