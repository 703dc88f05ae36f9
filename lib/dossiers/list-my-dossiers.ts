import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { dossierContacts, dossiers, schools, students } from '@/lib/db/schema';

/** 'Mijn dossiers': the dossiers granted to this person through an active contact. */
export async function listMyDossiers(db: Db, userId: string) {
  return db
    .select({
      dossierId: dossiers.id,
      role: dossierContacts.role,
      grantedAt: dossierContacts.grantedAt,
      givenName: students.givenName,
      familyName: students.familyName,
      schoolName: schools.name,
    })
    .from(dossierContacts)
    .innerJoin(dossiers, eq(dossiers.id, dossierContacts.dossierId))
    .innerJoin(students, eq(students.id, dossiers.studentId))
    .innerJoin(schools, eq(schools.id, students.schoolId))
    .where(and(eq(dossierContacts.userId, userId), isNull(dossierContacts.revokedAt)))
    .orderBy(asc(students.familyName), asc(students.givenName));
}
