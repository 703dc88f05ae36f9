import { asc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Membership } from '@/lib/auth/find-session';
import type { Db } from '@/lib/db/client';
import { departments, schools } from '@/lib/db/schema';

/** The schools a staff member can filter on: every school of their centre, their school, or their department's school. */
export async function listSchoolsInScope(db: Db, memberships: readonly Membership[]) {
  const parts: SQL[] = [];
  const centreIds = memberships.flatMap((m) => (m.role === 'centre_staff' && m.centreId ? [m.centreId] : []));
  const schoolIds = memberships.flatMap((m) => (m.role === 'school_manager' && m.schoolId ? [m.schoolId] : []));
  const departmentIds = memberships.flatMap((m) => (m.role === 'department_manager' && m.departmentId ? [m.departmentId] : []));
  if (centreIds.length) parts.push(inArray(schools.centreId, centreIds));
  if (schoolIds.length) parts.push(inArray(schools.id, schoolIds));
  if (departmentIds.length) parts.push(inArray(departments.id, departmentIds));
  if (parts.length === 0) return [];
  return db
    .selectDistinct({ id: schools.id, name: schools.name })
    .from(schools)
    .leftJoin(departments, eq(departments.schoolId, schools.id))
    .where(or(...parts))
    .orderBy(asc(schools.name));
}
