import { and, eq, or, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { StaffRole } from '@/lib/codes';
import { staffMemberships } from '@/lib/db/schema';
import type { Membership } from './find-session';

/**
 * "Which staff member sees which student", once. A student (and their dossier and requests)
 * sits in a centre, a school and perhaps a department; an active membership covers it when its
 * one unit is that centre (centre staff), that school (school manager) or that department
 * (department manager). Ended memberships never reach here: findSession reads active ones only.
 */
export type Placement = { centreId: string; schoolId: string; departmentId: string | null };

/** Columns holding a placement, for the SQL form of the rule. */
export type PlacementColumns = { centreId: AnyPgColumn; schoolId: AnyPgColumn; departmentId: AnyPgColumn };

const ROLE_ORDER: readonly StaffRole[] = ['centre_staff', 'school_manager', 'department_manager'];

/** Holds any organisation role at all ('Beheer aanvragen', the staff navigation). */
export function isStaff(memberships: readonly Membership[]): boolean {
  return memberships.length > 0;
}

/** A unit of the organisation by where it sits: a centre has no school, a school no department. */
export type UnitPlacement = { centreId: string; schoolId: string | null; departmentId: string | null };

function covers(m: Membership, p: UnitPlacement): boolean {
  switch (m.role) {
    case 'centre_staff':
      return m.centreId === p.centreId;
    case 'school_manager':
      return p.schoolId !== null && m.schoolId === p.schoolId;
    case 'department_manager':
      return p.departmentId !== null && m.departmentId === p.departmentId;
  }
}

/** The widest organisation role of the caller that covers this placement, or null. */
export function staffRoleFor(memberships: readonly Membership[], placement: Placement): StaffRole | null {
  return ROLE_ORDER.find((role) => memberships.some((m) => m.role === role && covers(m, placement))) ?? null;
}

/** The same rule for a unit of the organisation (a centre, a school, a department): the widest role over it, or null. */
export function unitRoleFor(memberships: readonly Membership[], unit: UnitPlacement): StaffRole | null {
  return ROLE_ORDER.find((role) => memberships.some((m) => m.role === role && covers(m, unit))) ?? null;
}

/** Every organisation role of the caller that covers this placement (a manager may hold several). */
export function rolesCovering(memberships: readonly Membership[], placement: Placement): StaffRole[] {
  return ROLE_ORDER.filter((role) => memberships.some((m) => m.role === role && covers(m, placement)));
}

/** The same rule as SQL over rows that carry a placement (null: the caller covers nothing). */
export function inScope(memberships: readonly Membership[], columns: PlacementColumns): SQL | null {
  const parts: SQL[] = [];
  for (const m of memberships) {
    if (m.role === 'centre_staff' && m.centreId) parts.push(eq(columns.centreId, m.centreId));
    if (m.role === 'school_manager' && m.schoolId) parts.push(eq(columns.schoolId, m.schoolId));
    if (m.role === 'department_manager' && m.departmentId) parts.push(eq(columns.departmentId, m.departmentId));
  }
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0]! : or(...parts)!;
}

/** The rule read the other way: the active memberships that cover this placement. */
export function membershipsCovering(placement: Placement): SQL {
  return and(
    eq(staffMemberships.active, true),
    or(
      eq(staffMemberships.centreId, placement.centreId),
      eq(staffMemberships.schoolId, placement.schoolId),
      placement.departmentId ? eq(staffMemberships.departmentId, placement.departmentId) : undefined,
    ),
  )!;
}
