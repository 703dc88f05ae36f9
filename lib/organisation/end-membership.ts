import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit/record-event';
import type { Db } from '@/lib/db/client';
import { staffMemberships, users } from '@/lib/db/schema';
import type { UnitGrant } from './unit-grant';
import { membershipsOf } from './unit-memberships';

export type EndOutcome = { status: 'ended'; name: string } | { status: 'not_found' } | { status: 'last_centre_staff' };

/**
 * 'Toegang intrekken' of a membership of this unit: it ends (findSession reads active ones
 * only, so the very next request no longer has it) and keeps who ended it and when. The last
 * active member of a centre's staff cannot end their own membership: the centre would be
 * locked out. The centre's members are locked while counting, so two ending each other at
 * once cannot both succeed.
 */
export async function endMembership(
  db: Db,
  grant: UnitGrant<'staff.manage'>,
  input: { membershipId: string; now?: Date },
): Promise<EndOutcome> {
  return db.transaction(async (tx) => {
    const members = await tx
      .select({ id: staffMemberships.id })
      .from(staffMemberships)
      .where(and(membershipsOf(grant.unit), eq(staffMemberships.active, true)))
      .for('update');
    const [row] = await tx
      .select({ id: staffMemberships.id, userId: staffMemberships.userId, role: staffMemberships.role, givenName: users.givenName, familyName: users.familyName })
      .from(staffMemberships)
      .innerJoin(users, eq(users.id, staffMemberships.userId))
      .where(and(eq(staffMemberships.id, input.membershipId), membershipsOf(grant.unit), eq(staffMemberships.active, true)))
      .limit(1);
    if (!row) return { status: 'not_found' } as const;
    if (grant.unit.kind === 'centre' && members.length <= 1) return { status: 'last_centre_staff' } as const;
    await tx
      .update(staffMemberships)
      .set({ active: false, endedBy: grant.actor.id, endedAt: input.now ?? sql`now()` })
      .where(eq(staffMemberships.id, row.id));
    await recordAudit(tx, {
      actorId: grant.actor.id,
      action: 'membership_ended',
      targetType: 'staff_membership',
      targetId: row.id,
      details: { role: row.role, userId: row.userId, unitKind: grant.unit.kind, unitId: grant.unit.id },
      origin: grant.origin,
    });
    return { status: 'ended', name: `${row.givenName} ${row.familyName}` } as const;
  });
}
