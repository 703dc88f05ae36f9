import { and, asc, eq, like, or, type SQL } from 'drizzle-orm';
import type { Membership } from '@/lib/auth/find-session';
import { PERMISSIONS } from '@/lib/auth/permissions';
import { inScope } from '@/lib/auth/scope';
import type { Db } from '@/lib/db/client';
import { departments, dossiers, schools, students } from '@/lib/db/schema';
import { personName } from '@/lib/text/person-name';
import { foldForSearch } from '@/lib/text/search-name';

/**
 * 'Nieuwe aanvraag' → existing student: the students the caller may write a request for (the
 * scope of their manager roles), by name, at most 20. An empty search finds nobody.
 */
export async function searchStudentsInScope(db: Db, memberships: readonly Membership[], q: string) {
  const scope = inScope(
    memberships.filter((m) => PERMISSIONS[m.role]['requests.submit']),
    students,
  );
  const terms = foldForSearch(q).replace(/[%_\\]/g, '').split(' ').filter(Boolean).slice(0, 4);
  if (!scope || terms.length === 0) return [];
  const conditions: SQL[] = [scope, ...terms.map((term) => or(like(students.searchName, `${term}%`), like(students.searchName, `% ${term}%`))!)];
  const rows = await db
    .select({
      id: students.id,
      givenName: students.givenName,
      familyName: students.familyName,
      birthYear: students.birthYear,
      className: students.className,
      schoolName: schools.name,
      dossierId: dossiers.id,
    })
    .from(students)
    .innerJoin(schools, eq(schools.id, students.schoolId))
    .leftJoin(dossiers, and(eq(dossiers.studentId, students.id), eq(dossiers.centreId, students.centreId)))
    .where(and(...conditions))
    .orderBy(asc(students.searchName))
    .limit(20);
  return rows.map((r) => ({ ...r, name: personName(r) }));
}

/** The schools and departments where the caller may add a student (the same scope rule over schools). */
export async function listPlacementsInScope(db: Db, memberships: readonly Membership[]) {
  const managers = memberships.filter((m) => PERMISSIONS[m.role]['requests.submit']);
  const scope = inScope(managers, { centreId: schools.centreId, schoolId: schools.id, departmentId: departments.id });
  if (!scope) return [];
  const rows = await db
    .select({ schoolId: schools.id, schoolName: schools.name, departmentId: departments.id, departmentName: departments.name })
    .from(schools)
    .leftJoin(departments, eq(departments.schoolId, schools.id))
    .where(scope)
    .orderBy(asc(schools.name), asc(departments.name));
  const bySchool = new Map<string, { id: string; name: string; wholeSchool: boolean; departments: { id: string; name: string }[] }>();
  for (const r of rows) {
    const wholeSchool = managers.some((m) => m.role === 'school_manager' && m.schoolId === r.schoolId);
    const school = bySchool.get(r.schoolId) ?? { id: r.schoolId, name: r.schoolName, wholeSchool, departments: [] };
    if (r.departmentId && r.departmentName) school.departments.push({ id: r.departmentId, name: r.departmentName });
    bySchool.set(r.schoolId, school);
  }
  return [...bySchool.values()];
}
