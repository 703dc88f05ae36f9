import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { DEMO_CENTRE, DEMO_SCHOOLS, demoId } from '@/tooling/demo/demo-data';
import * as t from '@/lib/db/schema';
import { E2E_PERSONS, OTHER_DOSSIER, STORY_DOSSIER, TARGET_COMPLETED, TARGET_COMPLETED_FILE, TARGET_DOSSIER, TARGET_DRAFT, TARGET_DRAFT_FILE } from './actors';

/** A department of the demo's first school that only the matrix acts on (its deactivation touches nothing else). */
export const MATRIX_DEPARTMENT = demoId('dept:linde:matrix');

/** Grants for the matrix's extra persons, on top of the demo seed. */
export async function seedActors(db: Db): Promise<void> {
  await db.insert(t.departments).values({ id: MATRIX_DEPARTMENT, schoolId: DEMO_SCHOOLS[0].id, name: 'Matrixafdeling' }).onConflictDoNothing();
  const userId = (sub: string) => demoId(`user:${sub}`);
  await db
    .insert(t.users)
    .values(
      Object.values(E2E_PERSONS).map((p) => ({
        id: userId(p.sub),
        itsmeSub: p.sub,
        givenName: p.givenName,
        familyName: p.familyName,
        email: p.email,
      })),
    )
    .onConflictDoNothing();
  await db
    .insert(t.staffMemberships)
    .values([
      {
        id: demoId('membership:e2e-school-other'),
        userId: userId(E2E_PERSONS.otherSchoolManager.sub),
        role: 'school_manager',
        schoolId: DEMO_SCHOOLS[1].id,
      },
      {
        id: demoId('membership:e2e-staff-2'),
        userId: userId(E2E_PERSONS.secondStaff.sub),
        role: 'centre_staff',
        centreId: DEMO_CENTRE.id,
      },
    ])
    .onConflictDoNothing();
  const contact = (
    key: string,
    person: { sub: string },
    dossierId: string,
    role: t.ContactRole,
    revoked = false,
    status: t.ContactStatus = 'confirmed',
  ) => ({
    id: demoId(`contact:e2e:${key}`),
    dossierId,
    userId: userId(person.sub),
    role,
    status,
    revokedAt: revoked ? sql`now()` : null,
  });
  await db
    .insert(t.dossierContacts)
    .values([
      contact('parent-other', E2E_PERSONS.otherParent, OTHER_DOSSIER, 'parent'),
      contact('teacher', E2E_PERSONS.teacher, TARGET_DOSSIER, 'teacher'),
      contact('clb', E2E_PERSONS.clb, TARGET_DOSSIER, 'clb'),
      contact('care', E2E_PERSONS.careProvider, TARGET_DOSSIER, 'care_provider'),
      contact('revoked', E2E_PERSONS.revoked, TARGET_DOSSIER, 'parent', true),
      contact('awaiting', E2E_PERSONS.awaiting, TARGET_DOSSIER, 'parent', false, 'awaiting_confirmation'),
      contact('refused', E2E_PERSONS.refused, TARGET_DOSSIER, 'parent', true, 'refused'),
      contact('parent-story', E2E_PERSONS.storyParent, STORY_DOSSIER, 'parent'),
      contact('parent-relink', E2E_PERSONS.relinkParent, OTHER_DOSSIER, 'parent'),
      contact('parent-relink-nojs', E2E_PERSONS.relinkParentNoScript, OTHER_DOSSIER, 'parent'),
    ])
    .onConflictDoNothing();

  // A file on the target dossier's 'Werkversie' and one on its completed request: the matrix
  // tries to remove them as callers who may not (authorization.api.spec.ts).
  const bytes = Buffer.from('%PDF-1.7\n% matrix\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
  const files = [
    { id: TARGET_DRAFT_FILE, requestId: TARGET_DRAFT, fileName: 'matrix-werkversie.pdf' },
    { id: TARGET_COMPLETED_FILE, requestId: TARGET_COMPLETED, fileName: 'matrix-afgerond.pdf' },
  ];
  await db
    .insert(t.attachments)
    .values(
      files.map((f) => ({
        ...f,
        dossierId: TARGET_DOSSIER,
        contentType: 'application/pdf',
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      })),
    )
    .onConflictDoNothing();
  await db
    .insert(t.attachmentBlobs)
    .values(files.map((f) => ({ attachmentId: f.id, data: bytes })))
    .onConflictDoNothing();
}
