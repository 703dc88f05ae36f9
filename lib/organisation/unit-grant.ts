import { eq } from 'drizzle-orm';
import type { Membership } from '@/lib/auth/find-session';
import { canOnUnit, type UnitAction } from '@/lib/auth/permissions';
import { unitRoleFor } from '@/lib/auth/scope';
import { STAFF_ROLE_OF_UNIT, UNIT_KINDS, type StaffRole, type UnitKind } from '@/lib/codes';
import type { Db } from '@/lib/db/client';
import { centres, departments, schools } from '@/lib/db/schema';
import type { Actor } from '@/lib/dossiers/dossier-grant';
import { isUuid } from '@/lib/text/uuid';

const granted: unique symbol = Symbol('unit grant');

/** One unit of the organisation as the pages and the invitations name it. */
export type Unit = {
  kind: UnitKind;
  id: string;
  name: string;
  active: boolean;
  centreId: string;
  centreName: string;
  schoolId: string | null;
  schoolName: string | null;
  departmentId: string | null;
  /** The staff role this unit's members hold. */
  staffRole: StaffRole;
};

/**
 * Proof that `actor` may do `A` on this unit, read fresh for this request: the organisation's
 * counterpart of DossierGrant. Only this module makes one, after the permission table
 * (canOnUnit) allowed it; every organisation, staff-invitation and membership function takes one.
 */
export type UnitGrant<A extends UnitAction> = {
  readonly unit: Unit;
  /** The caller's widest role over the unit. */
  readonly role: StaffRole;
  readonly actor: Actor;
  readonly origin: string | null;
  readonly [granted]: A;
};

type Caller = { user: Actor; memberships: readonly Membership[] };

export type UnitRef = { kind: UnitKind; id: string };

export function isUnitRef(value: unknown): value is UnitRef {
  if (!value || typeof value !== 'object') return false;
  const { kind, id } = value as Record<string, unknown>;
  return typeof kind === 'string' && (UNIT_KINDS as readonly string[]).includes(kind) && typeof id === 'string' && isUuid(id);
}

/** The unit with its place in the tree, or null. Deactivated units are found (their page shows them as such). */
export async function findUnit(db: Db, ref: UnitRef): Promise<Unit | null> {
  if (!isUnitRef(ref)) return null;
  if (ref.kind === 'centre') {
    const [c] = await db.select().from(centres).where(eq(centres.id, ref.id)).limit(1);
    if (!c) return null;
    return { kind: 'centre', id: c.id, name: c.name, active: true, centreId: c.id, centreName: c.name, schoolId: null, schoolName: null, departmentId: null, staffRole: STAFF_ROLE_OF_UNIT.centre };
  }
  if (ref.kind === 'school') {
    const [row] = await db
      .select({ school: schools, centreName: centres.name })
      .from(schools)
      .innerJoin(centres, eq(centres.id, schools.centreId))
      .where(eq(schools.id, ref.id))
      .limit(1);
    if (!row) return null;
    const s = row.school;
    return { kind: 'school', id: s.id, name: s.name, active: s.active, centreId: s.centreId, centreName: row.centreName, schoolId: s.id, schoolName: s.name, departmentId: null, staffRole: STAFF_ROLE_OF_UNIT.school };
  }
  const [row] = await db
    .select({ department: departments, school: schools, centreName: centres.name })
    .from(departments)
    .innerJoin(schools, eq(schools.id, departments.schoolId))
    .innerJoin(centres, eq(centres.id, schools.centreId))
    .where(eq(departments.id, ref.id))
    .limit(1);
  if (!row) return null;
  const d = row.department;
  return {
    kind: 'department',
    id: d.id,
    name: d.name,
    active: d.active && row.school.active,
    centreId: row.school.centreId,
    centreName: row.centreName,
    schoolId: row.school.id,
    schoolName: row.school.name,
    departmentId: d.id,
    staffRole: STAFF_ROLE_OF_UNIT.department,
  };
}

/** The caller's grant for `action` on this unit, or null for a malformed, unknown, out-of-scope or forbidden one alike. */
export async function resolveUnitGrant<A extends UnitAction>(
  db: Db,
  caller: Caller,
  ref: UnitRef,
  action: A,
  origin: string | null = null,
): Promise<UnitGrant<A> | null> {
  // Nobody without a membership reaches the database here.
  if (caller.memberships.length === 0 || !isUnitRef(ref)) return null;
  const unit = await findUnit(db, ref);
  if (!unit) return null;
  const role = unitRoleFor(caller.memberships, unit);
  if (!role || !canOnUnit(role, unit.kind, action)) return null;
  const { id, givenName, familyName } = caller.user;
  return { unit, role, actor: { id, givenName, familyName }, origin, [granted]: action };
}

/** The same caller's grant for another action on the same unit (within one request), or null. */
export function narrowUnitGrant<A extends UnitAction>(grant: UnitGrant<UnitAction>, action: A): UnitGrant<A> | null {
  if (!canOnUnit(grant.role, grant.unit.kind, action)) return null;
  return { ...grant, [granted]: action };
}

/** The grant's unit as the placement columns of a membership or a staff invitation. */
export function unitColumns(unit: Unit): { centreId: string | null; schoolId: string | null; departmentId: string | null } {
  switch (unit.kind) {
    case 'centre':
      return { centreId: unit.centreId, schoolId: null, departmentId: null };
    case 'school':
      return { centreId: null, schoolId: unit.id, departmentId: null };
    case 'department':
      return { centreId: null, schoolId: null, departmentId: unit.id };
  }
}
