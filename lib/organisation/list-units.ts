import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { departments, schools } from '@/lib/db/schema';
import type { UnitGrant } from './unit-grant';

/** The units directly under the grant's unit: a centre's schools, a school's departments (deactivated ones too, marked). */
export async function listChildUnits(db: Db, grant: UnitGrant<'unit.view'>): Promise<{ id: string; name: string; active: boolean }[]> {
  const { unit } = grant;
  if (unit.kind === 'centre') {
    return db.select({ id: schools.id, name: schools.name, active: schools.active }).from(schools).where(eq(schools.centreId, unit.id)).orderBy(asc(schools.name));
  }
  if (unit.kind === 'school') {
    return db
      .select({ id: departments.id, name: departments.name, active: departments.active })
      .from(departments)
      .where(eq(departments.schoolId, unit.id))
      .orderBy(asc(departments.name));
  }
  return [];
}
