import { and, eq, isNull } from 'drizzle-orm';
import type { Membership } from '@/lib/auth/find-session';
import type { DossierAccess } from '@/lib/auth/permissions';
import { staffRoleFor } from '@/lib/auth/scope';
import type { Db } from '@/lib/db/client';
import { departments, dossierContacts, dossiers, schools, students } from '@/lib/db/schema';
import { isUuid } from '@/lib/text/uuid';

/** A dossier as its reader may see it: its student, school and department, and the reader's access. */
export type AccessibleDossier = {
  id: string;
  centreId: string;
  createdAt: Date;
  access: DossierAccess;
  student: {
    id: string;
    givenName: string;
    familyName: string;
    birthYear: number;
    className: string;
    schoolId: string;
    departmentId: string | null;
  };
  school: { id: string; name: string };
  department: { id: string; name: string } | null;
};

/**
 * The only way code gets a dossier: with the caller's access, read fresh, or null when the id
 * is malformed, unknown, or out of the caller's reach (the caller cannot tell these apart).
 */
export async function getDossierAccess(
  db: Db,
  viewer: { user: { id: string }; memberships: readonly Membership[] },
  dossierId: string,
): Promise<AccessibleDossier | null> {
  if (!isUuid(dossierId)) return null;
  const [row] = await db
    .select({ dossier: dossiers, student: students, school: schools, department: departments })
    .from(dossiers)
    .innerJoin(students, eq(students.id, dossiers.studentId))
    .innerJoin(schools, eq(schools.id, students.schoolId))
    .leftJoin(departments, eq(departments.id, students.departmentId))
    .where(eq(dossiers.id, dossierId))
    .limit(1);
  if (!row) return null;

  let access: DossierAccess | null = null;
  const staffRole = staffRoleFor(viewer.memberships, {
    centreId: row.dossier.centreId,
    schoolId: row.student.schoolId,
    departmentId: row.student.departmentId,
  });
  if (staffRole) {
    access = { kind: 'staff', role: staffRole };
  } else {
    const [contact] = await db
      .select({ role: dossierContacts.role })
      .from(dossierContacts)
      .where(
        and(
          eq(dossierContacts.dossierId, dossierId),
          eq(dossierContacts.userId, viewer.user.id),
          isNull(dossierContacts.revokedAt),
        ),
      )
      .limit(1);
    if (contact) access = { kind: 'contact', role: contact.role };
  }
  if (!access) return null;

  const { student, school, department } = row;
  return {
    id: row.dossier.id,
    centreId: row.dossier.centreId,
    createdAt: row.dossier.createdAt,
    access,
    student: {
      id: student.id,
      givenName: student.givenName,
      familyName: student.familyName,
      birthYear: student.birthYear,
      className: student.className,
      schoolId: student.schoolId,
      departmentId: student.departmentId,
    },
    school: { id: school.id, name: school.name },
    department: department ? { id: department.id, name: department.name } : null,
  };
}
