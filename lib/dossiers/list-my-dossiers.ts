import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { centres, dossierContacts, dossiers, schools, students } from '@/lib/db/schema';

/**
 * 'Mijn dossiers': the dossiers granted to this person through a confirmed contact, and,
 * apart, the accepted invitations awaiting the centre's confirmation — those name only the
 * centre and the role, nothing of the student.
 */
export async function listMyDossiers(db: Db, userId: string) {
  const rows = await db
    .select({
      dossierId: dossiers.id,
      status: dossierContacts.status,
      role: dossierContacts.role,
      grantedAt: dossierContacts.grantedAt,
      givenName: students.givenName,
      familyName: students.familyName,
      schoolName: schools.name,
      centreName: centres.name,
    })
    .from(dossierContacts)
    .innerJoin(dossiers, eq(dossiers.id, dossierContacts.dossierId))
    .innerJoin(centres, eq(centres.id, dossiers.centreId))
    .innerJoin(students, eq(students.id, dossiers.studentId))
    .innerJoin(schools, eq(schools.id, students.schoolId))
    .where(and(eq(dossierContacts.userId, userId), isNull(dossierContacts.revokedAt)))
    .orderBy(asc(students.familyName), asc(students.givenName));
  return {
    dossiers: rows
      .filter((r) => r.status === 'confirmed')
      .map(({ dossierId, role, grantedAt, givenName, familyName, schoolName }) => ({ dossierId, role, grantedAt, givenName, familyName, schoolName })),
    awaitingConfirmation: rows
      .filter((r) => r.status === 'awaiting_confirmation')
      .map(({ role, grantedAt, centreName }) => ({ role, acceptedAt: grantedAt, centreName })),
  };
}
