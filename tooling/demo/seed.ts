import { sql } from 'drizzle-orm';
import { TEST_PERSONS } from '@/tooling/demo/test-persons';
import { studentSearchName } from '@/lib/text/search-name';
import type { Db } from '@/lib/db/client';
import {
  DEMO_CENTRE,
  DEMO_ENTRY_TEMPLATES,
  DEMO_SCHOOLS,
  DEMO_STAFF,
  demoId,
  demoRequestsFor,
  demoStudents,
} from './demo-data';
import * as t from '@/lib/db/schema';

const DAY = 86_400_000;

/**
 * The demo: one centre, two schools with departments, 40 students with dossiers, requests in
 * every status and a few entries each, staff bound to the stand-in's persons and one parent
 * with access. Every row has a name-derived id and is inserted with ON CONFLICT DO NOTHING,
 * so running it again adds nothing (and fills in whatever is missing).
 */
export async function seedDemo(db: Db, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(t.centres).values(DEMO_CENTRE).onConflictDoNothing();
    for (const school of DEMO_SCHOOLS) {
      await tx.insert(t.schools).values({ id: school.id, centreId: DEMO_CENTRE.id, name: school.name }).onConflictDoNothing();
      await tx
        .insert(t.departments)
        .values(school.departments.map((d) => ({ id: d.id, schoolId: school.id, name: d.name })))
        .onConflictDoNothing();
    }

    const people = Object.values(TEST_PERSONS).map((p) => ({
      id: demoId(`user:${p.sub}`),
      itsmeSub: p.sub,
      givenName: p.givenName,
      familyName: p.familyName,
      email: p.email,
    }));
    await tx.insert(t.users).values(people).onConflictDoNothing({ target: t.users.itsmeSub });

    await tx
      .insert(t.staffMemberships)
      .values(
        DEMO_STAFF.map((s) => ({
          id: demoId(`membership:${s.person.sub}`),
          userId: sql`(select id from users where itsme_sub = ${s.person.sub})`,
          role: s.role,
          centreId: s.role === 'centre_staff' ? s.unit : null,
          schoolId: s.role === 'school_manager' ? s.unit : null,
          departmentId: s.role === 'department_manager' ? s.unit : null,
        })),
      )
      .onConflictDoNothing();

    const students = demoStudents();
    const studentRows = students.map((s) => {
      const school = DEMO_SCHOOLS[s.schoolIndex];
      return {
        id: demoId(s.key),
        centreId: DEMO_CENTRE.id,
        schoolId: school.id,
        departmentId: school.departments[s.departmentIndex].id,
        givenName: s.givenName,
        familyName: s.familyName,
        searchName: studentSearchName(s.givenName, s.familyName),
        birthYear: s.birthYear,
        className: s.className,
      };
    });
    await tx.insert(t.students).values(studentRows).onConflictDoNothing();
    await tx
      .insert(t.dossiers)
      .values(studentRows.map((s) => ({ id: demoId(`dossier:${s.id}`), studentId: s.id, centreId: DEMO_CENTRE.id })))
      .onConflictDoNothing();

    const requestRows = studentRows.flatMap((s, i) =>
      demoRequestsFor(i).map((r, n) => {
        const created = new Date(now.getTime() - r.daysAgo * DAY);
        return {
          id: demoId(`request:${s.id}:${n}`),
          dossierId: demoId(`dossier:${s.id}`),
          studentId: s.id,
          centreId: s.centreId,
          schoolId: s.schoolId,
          departmentId: s.departmentId,
          type: r.type,
          status: r.status,
          description: 'Vraag naar ondersteuning bij lezen en plannen.',
          createdAt: created,
          submittedAt: r.status === 'draft' ? null : new Date(created.getTime() + DAY),
          closedAt: r.status === 'completed' ? new Date(created.getTime() + 60 * DAY) : null,
        };
      }),
    );
    await tx.insert(t.requests).values(requestRows).onConflictDoNothing();

    const staffAuthor = demoId(`user:${TEST_PERSONS.centreStaff.sub}`);
    const entryRows = studentRows.flatMap((s, i) =>
      DEMO_ENTRY_TEMPLATES.slice(0, 2 + (i % 3)).map((e, n) => ({
        id: demoId(`entry:${s.id}:${n}`),
        dossierId: demoId(`dossier:${s.id}`),
        authorId: staffAuthor,
        kind: e.kind,
        title: e.title,
        body: e.body,
        // Reports and meetings are shared with the contacts, observation notes stay internal.
        visibility: e.kind === 'note' ? ('internal' as const) : ('shared' as const),
        occurredOn: new Date(now.getTime() - (200 - n * 45 - (i % 7)) * DAY).toISOString().slice(0, 10),
      })),
    );
    await tx.insert(t.dossierEntries).values(entryRows).onConflictDoNothing();

    const firstDossier = demoId(`dossier:${studentRows[0]!.id}`);
    await tx
      .insert(t.dossierContacts)
      .values({
        id: demoId('contact:parent'),
        dossierId: firstDossier,
        userId: demoId(`user:${TEST_PERSONS.parent.sub}`),
        role: 'parent',
        grantedBy: staffAuthor,
        grantedAt: new Date(now.getTime() - 30 * DAY),
      })
      .onConflictDoNothing();
  });
}

/** Whether the database holds no organisation yet (an empty embedded database gets the demo). */
export async function isEmpty(db: Db): Promise<boolean> {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(t.centres);
  return (rows[0]?.n ?? 0) === 0;
}
