import { and, eq, type SQL } from 'drizzle-orm';
import { staffMemberships } from '@/lib/db/schema';
import type { Unit } from './unit-grant';

/** Memberships of exactly this unit (its one staff role). */
export function membershipsOf(unit: Unit): SQL {
  const column =
    unit.kind === 'centre' ? staffMemberships.centreId : unit.kind === 'school' ? staffMemberships.schoolId : staffMemberships.departmentId;
  return and(eq(column, unit.id), eq(staffMemberships.role, unit.staffRole))!;
}
