import { and, eq } from 'drizzle-orm';
import { rolesCovering } from '@/lib/auth/scope';
import type { Membership } from '@/lib/auth/find-session';
import type { Db } from '@/lib/db/client';
import { dossiers, schools, students } from '@/lib/db/schema';
import { personName } from '@/lib/text/person-name';
import { studentSearchName } from '@/lib/text/search-name';
import type { PlacementGrant } from './placement-grant';

export type DuplicateStudent = { studentId: string; name: string; schoolName: string; className: string; dossierId: string | null };

/**
 * A student of the same name and birth date in the caller's own scope (a likely duplicate they
 * may see), or null. One outside their scope is never mentioned to them — whether another
 * school's child is supported by the centre is not theirs to learn —: createStudentWithRequest
 * tells the centre instead (`duplicate_student_suspected` in the new dossier's logbook).
 */
export async function findDuplicateStudent(
  db: Db,
  grant: PlacementGrant,
  memberships: readonly Membership[],
  student: { givenName: string; familyName: string; birthDate: string },
): Promise<DuplicateStudent | null> {
  const rows = await db
    .select({
      id: students.id,
      givenName: students.givenName,
      familyName: students.familyName,
      className: students.className,
      schoolId: students.schoolId,
      departmentId: students.departmentId,
      schoolName: schools.name,
      dossierId: dossiers.id,
    })
    .from(students)
    .innerJoin(schools, eq(schools.id, students.schoolId))
    .leftJoin(dossiers, and(eq(dossiers.studentId, students.id), eq(dossiers.centreId, students.centreId)))
    .where(
      and(
        eq(students.centreId, grant.centreId),
        eq(students.searchName, studentSearchName(student.givenName, student.familyName)),
        eq(students.birthDate, student.birthDate),
      ),
    )
    .limit(5);
  if (rows.length === 0) return null;
  const mine = rows.find((r) => rolesCovering(memberships, { centreId: grant.centreId, schoolId: r.schoolId, departmentId: r.departmentId }).length > 0);
  if (!mine) return null;
  return {
    studentId: mine.id,
    name: personName(mine),
    schoolName: mine.schoolName,
    className: mine.className,
    dossierId: mine.dossierId,
  };
}
