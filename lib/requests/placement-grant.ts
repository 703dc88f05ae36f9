import { and, eq } from 'drizzle-orm';
import type { Membership } from '@/lib/auth/find-session';
import { PERMISSIONS } from '@/lib/auth/permissions';
import { rolesCovering, type Placement } from '@/lib/auth/scope';
import type { Db } from '@/lib/db/client';
import { departments, schools } from '@/lib/db/schema';
import type { Actor } from '@/lib/dossiers/dossier-grant';
import { isUuid } from '@/lib/text/uuid';

const granted: unique symbol = Symbol('placement grant');

/**
 * Proof that `actor` may add a student at this placement (a school, perhaps a department) and
 * write a request for them: the analogue of a DossierGrant for 'Nieuwe aanvraag' before there
 * is a dossier. Only resolvePlacementGrant makes one, after the permission table's
 * 'requests.submit' and the scope rule agreed.
 */
export type PlacementGrant = Placement & {
  readonly actor: Actor;
  readonly origin: string | null;
  readonly [granted]: 'requests.submit';
};

type Caller = { user: Actor; memberships: readonly Membership[] };

/** The caller's grant for this school (and department), or null for a malformed, unknown or out-of-scope one alike. */
export async function resolvePlacementGrant(
  db: Db,
  caller: Caller,
  unit: { schoolId: string; departmentId?: string | null },
  origin: string | null = null,
): Promise<PlacementGrant | null> {
  if (!isUuid(unit.schoolId) || (unit.departmentId && !isUuid(unit.departmentId))) return null;
  // A deactivated school or department takes no new students or requests.
  const [school] = await db.select({ centreId: schools.centreId }).from(schools).where(and(eq(schools.id, unit.schoolId), eq(schools.active, true)));
  if (!school) return null;
  if (unit.departmentId) {
    const [department] = await db
      .select({ id: departments.id })
      .from(departments)
      .where(and(eq(departments.id, unit.departmentId), eq(departments.schoolId, unit.schoolId), eq(departments.active, true)));
    if (!department) return null;
  }
  const placement: Placement = { centreId: school.centreId, schoolId: unit.schoolId, departmentId: unit.departmentId || null };
  if (!rolesCovering(caller.memberships, placement).some((role) => PERMISSIONS[role]['requests.submit'])) return null;
  const { id, givenName, familyName } = caller.user;
  return { ...placement, actor: { id, givenName, familyName }, origin, [granted]: 'requests.submit' };
}
