import { and, eq, isNull, sql } from 'drizzle-orm';
import type { ContactRole, StaffRole } from '@/lib/codes';
import { cancelInvitationsOf } from '@/lib/invites/inviter-authority';
import { recordAudit } from '@/lib/audit/record-event';
import type { Db } from '@/lib/db/client';
import { dossierContacts, staffMemberships, users } from '@/lib/db/schema';
import { personName } from '@/lib/text/person-name';
import type { UnitGrant } from './unit-grant';
import { membershipsOf } from './unit-memberships';

/** What the person whose membership ended still holds themselves, for the one who ended it to review. */
export type RemainingAccess = { memberships: { role: StaffRole; unitId: string }[]; contacts: { dossierId: string; role: ContactRole }[] };

export type EndOutcome =
  | { status: 'ended'; name: string; cancelledInvitations: number; remaining: RemainingAccess }
  | { status: 'not_found' }
  | { status: 'last_centre_staff' };

/**
 * 'Toegang intrekken' of a membership of this unit: it ends (findSession reads active ones
 * only, so the very next request no longer has it) and keeps who ended it and when. The last
 * active member of a centre's staff cannot end their own membership: the centre would be
 * locked out. The centre's members are locked while counting, so two ending each other at
 * once cannot both succeed. The open invitations the person sent that their remaining
 * memberships no longer cover are cancelled, and what they still hold themselves (other
 * memberships, dossier contacts) is returned for review.
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
    // Their open invitations were worth their authority: those it no longer covers die with it.
    const cancelledInvitations = await cancelInvitationsOf(tx, row.userId, { actorId: grant.actor.id, origin: grant.origin });
    const remaining: RemainingAccess = {
      memberships: (
        await tx
          .select({ role: staffMemberships.role, centreId: staffMemberships.centreId, schoolId: staffMemberships.schoolId, departmentId: staffMemberships.departmentId })
          .from(staffMemberships)
          .where(and(eq(staffMemberships.userId, row.userId), eq(staffMemberships.active, true)))
      ).map((m) => ({ role: m.role, unitId: (m.departmentId ?? m.schoolId ?? m.centreId)! })),
      contacts: await tx
        .select({ dossierId: dossierContacts.dossierId, role: dossierContacts.role })
        .from(dossierContacts)
        .where(and(eq(dossierContacts.userId, row.userId), isNull(dossierContacts.revokedAt))),
    };
    return { status: 'ended', name: personName(row), cancelledInvitations, remaining } as const;
  });
}
