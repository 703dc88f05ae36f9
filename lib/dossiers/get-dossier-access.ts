import { and, eq, isNull } from 'drizzle-orm';
import type { Membership } from '@/lib/auth/find-session';
import type { DossierAccess } from '@/lib/auth/permissions';
import type { Db } from '@/lib/db/client';
import { departments, dossierContacts, dossiers, schools, students } from '@/lib/db/schema';
import { isUuid } from '@/lib/text/uuid';

export type DossierWithAccess = {
  access: DossierAccess;
  dossier: { id: string; centreId: string; createdAt: Date };
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

/** Which organisation role of the caller, if any, covers a student of this centre/school/department. */
export function staffRoleFor(
  memberships: readonly Membership[],
  scope: { centreId: string; schoolId: string; departmentId: string | null },
): Membership['role'] | null {
  const order: Membership['role'][] = ['centre_staff', 'school_manager', 'department_manager'];
  for (const role of order) {
    const hit = memberships.some(
      (m) =>
        m.role === role &&
        ((role === 'centre_staff' && m.centreId === scope.centreId) ||
          (role === 'school_manager' && m.schoolId === scope.schoolId) ||
          (role === 'department_manager' && scope.departmentId !== null && m.departmentId === scope.departmentId)),
    );
    if (hit) return role;
  }
  return null;
}

/**
 * The only way code gets a dossier: with the caller's access, read fresh, or null when the id
 * is malformed, unknown, or out of the caller's reach (the caller cannot tell these apart).
 */
export async function getDossierAccess(
  db: Db,
  viewer: { user: { id: string }; memberships: readonly Membership[] },
  dossierId: string,
): Promise<DossierWithAccess | null> {
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
    access,
    dossier: { id: row.dossier.id, centreId: row.dossier.centreId, createdAt: row.dossier.createdAt },
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
