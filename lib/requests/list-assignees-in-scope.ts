import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Membership } from '@/lib/auth/find-session';
import { inScope } from '@/lib/auth/scope';
import type { Db } from '@/lib/db/client';
import { departments, schools, staffMemberships, users } from '@/lib/db/schema';
import { personName } from '@/lib/text/person-name';

/** The begeleiders to filter 'Beheer aanvragen' on: the centre staff of the centres the caller's scope lies in. */
export async function listAssigneesInScope(db: Db, memberships: readonly Membership[]) {
  const scope = inScope(memberships, { centreId: schools.centreId, schoolId: schools.id, departmentId: departments.id });
  if (!scope) return [];
  const centres = db.selectDistinct({ id: schools.centreId }).from(schools).leftJoin(departments, eq(departments.schoolId, schools.id)).where(scope);
  const rows = await db
    .selectDistinct({ id: users.id, givenName: users.givenName, familyName: users.familyName })
    .from(staffMemberships)
    .innerJoin(users, eq(users.id, staffMemberships.userId))
    .where(and(eq(staffMemberships.role, 'centre_staff'), eq(staffMemberships.active, true), inArray(staffMemberships.centreId, centres)))
    .orderBy(asc(users.familyName), asc(users.givenName));
  return rows.map((u) => ({ id: u.id, name: personName(u) }));
}
