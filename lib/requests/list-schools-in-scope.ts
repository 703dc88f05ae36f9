import { asc, eq } from 'drizzle-orm';
import type { Membership } from '@/lib/auth/find-session';
import { inScope } from '@/lib/auth/scope';
import type { Db } from '@/lib/db/client';
import { departments, schools } from '@/lib/db/schema';

/** The schools a staff member can filter on: every school of their centre, their school, or their department's school. */
export async function listSchoolsInScope(db: Db, memberships: readonly Membership[]) {
  const scope = inScope(memberships, { centreId: schools.centreId, schoolId: schools.id, departmentId: departments.id });
  if (!scope) return [];
  return db
    .selectDistinct({ id: schools.id, name: schools.name })
    .from(schools)
    .leftJoin(departments, eq(departments.schoolId, schools.id))
    .where(scope)
    .orderBy(asc(schools.name));
}
