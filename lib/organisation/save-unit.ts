import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit/record-event';
import type { Db } from '@/lib/db/client';
import { departments, invitations, schools } from '@/lib/db/schema';
import { cancelForLostAuthority } from '@/lib/invites/inviter-authority';
import type { UnitGrant } from './unit-grant';
import { isUniqueViolation, normalizeUnitName, type NameProblem } from './unit-name';

export type SaveOutcome = { status: 'saved'; id: string; name: string } | { status: 'invalid'; problem: NameProblem | 'duplicate' | 'inactive' };

/**
 * 'School toevoegen' (on the centre) and 'Afdeling toevoegen' (on a school): a new unit under
 * the grant's unit. A name is unique per centre (schools) or per school (departments),
 * letter case aside; deactivated units keep their names.
 */
export async function addUnit(db: Db, grant: UnitGrant<'units.manage'>, raw: unknown): Promise<SaveOutcome> {
  const parsed = normalizeUnitName(raw);
  if (!parsed.ok) return { status: 'invalid', problem: parsed.problem };
  const { unit } = grant;
  if (unit.kind === 'department') return { status: 'invalid', problem: 'inactive' };
  if (!unit.active) return { status: 'invalid', problem: 'inactive' };
  try {
    return await db.transaction(async (tx) => {
      const [row] =
        unit.kind === 'centre'
          ? await tx.insert(schools).values({ centreId: unit.id, name: parsed.name }).onConflictDoNothing().returning({ id: schools.id })
          : await tx.insert(departments).values({ schoolId: unit.id, name: parsed.name }).onConflictDoNothing().returning({ id: departments.id });
      if (!row) return { status: 'invalid', problem: 'duplicate' } as const;
      await recordAudit(tx, {
        actorId: grant.actor.id,
        action: unit.kind === 'centre' ? 'school_added' : 'department_added',
        targetType: unit.kind === 'centre' ? 'school' : 'department',
        targetId: row.id,
        details: { name: parsed.name, parentId: unit.id },
        origin: grant.origin,
      });
      return { status: 'saved', id: row.id, name: parsed.name } as const;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { status: 'invalid', problem: 'duplicate' };
    throw error;
  }
}

/** 'Naam wijzigen' of a school or a department. */
export async function renameUnit(db: Db, grant: UnitGrant<'units.manage'>, raw: unknown): Promise<SaveOutcome> {
  const parsed = normalizeUnitName(raw);
  if (!parsed.ok) return { status: 'invalid', problem: parsed.problem };
  const { unit } = grant;
  if (unit.kind === 'centre') return { status: 'invalid', problem: 'inactive' };
  try {
    return await db.transaction(async (tx) => {
      const taken =
        unit.kind === 'school'
          ? await tx
              .select({ id: schools.id })
              .from(schools)
              .where(and(eq(schools.centreId, unit.centreId), ne(schools.id, unit.id), eq(sql`lower(${schools.name})`, parsed.name.toLowerCase())))
              .limit(1)
          : await tx
              .select({ id: departments.id })
              .from(departments)
              .where(and(eq(departments.schoolId, unit.schoolId!), ne(departments.id, unit.id), eq(sql`lower(${departments.name})`, parsed.name.toLowerCase())))
              .limit(1);
      if (taken.length > 0) return { status: 'invalid', problem: 'duplicate' } as const;
      if (unit.kind === 'school') await tx.update(schools).set({ name: parsed.name }).where(eq(schools.id, unit.id));
      else await tx.update(departments).set({ name: parsed.name }).where(eq(departments.id, unit.id));
      await recordAudit(tx, {
        actorId: grant.actor.id,
        action: 'unit_renamed',
        targetType: unit.kind,
        targetId: unit.id,
        details: { from: unit.name, to: parsed.name },
        origin: grant.origin,
      });
      return { status: 'saved', id: unit.id, name: parsed.name } as const;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { status: 'invalid', problem: 'duplicate' };
    throw error;
  }
}

/**
 * 'Deactiveren' of a school or a department: never a delete (requests and dossiers keep
 * pointing at it). A deactivated unit takes no new departments and no new staff invitations.
 */
export async function deactivateUnit(db: Db, grant: UnitGrant<'units.manage'>): Promise<{ status: 'deactivated'; name: string } | { status: 'not_found' }> {
  const { unit } = grant;
  if (unit.kind === 'centre') return { status: 'not_found' };
  return db.transaction(async (tx) => {
    const [row] =
      unit.kind === 'school'
        ? await tx.update(schools).set({ active: false }).where(and(eq(schools.id, unit.id), eq(schools.active, true))).returning({ id: schools.id })
        : await tx
            .update(departments)
            .set({ active: false })
            .where(and(eq(departments.id, unit.id), eq(departments.active, true)))
            .returning({ id: departments.id });
    if (!row) return { status: 'not_found' } as const;
    await recordAudit(tx, { actorId: grant.actor.id, action: 'unit_deactivated', targetType: unit.kind, targetId: unit.id, origin: grant.origin });
    // Its open staff invitations (for a school, its departments' too) die with it.
    const open = await tx
      .select()
      .from(invitations)
      .where(and(eq(invitations.status, 'pending'), isNull(invitations.dossierId), unit.kind === 'school' ? eq(invitations.schoolId, unit.id) : eq(invitations.departmentId, unit.id)))
      .for('update');
    await cancelForLostAuthority(tx, open, 'unit_inactive', { actorId: grant.actor.id, origin: grant.origin });
    return { status: 'deactivated', name: unit.name } as const;
  });
}
