import { and, eq, sql } from 'drizzle-orm';
import type { Membership } from '@/lib/auth/find-session';
import type { Db } from '@/lib/db/client';
import { rowsOf } from '@/lib/db/rows';
import { recordAudit } from '@/lib/audit/record-event';
import { invitations, staffMemberships, users, type Invitation } from '@/lib/db/schema';
import { resolveDossierGrant } from '@/lib/dossiers/dossier-grant';
import { resolveUnitGrant } from '@/lib/organisation/unit-grant';
import { membershipUnitOf } from './accept-invitation';

export type InvitationStanding = 'valid' | 'inviter_lost_authority' | 'unit_inactive';

type InvitationTarget = Pick<Invitation, 'dossierId' | 'invitedBy' | 'staffRole' | 'centreId' | 'schoolId' | 'departmentId'>;

/** The inviter as the resolvers read a caller: their row and their active memberships, fresh. */
async function callerOf(db: Db, userId: string) {
  const [user] = await db.select({ id: users.id, givenName: users.givenName, familyName: users.familyName }).from(users).where(eq(users.id, userId));
  if (!user) return null;
  const memberships: Membership[] = await db
    .select({ role: staffMemberships.role, centreId: staffMemberships.centreId, schoolId: staffMemberships.schoolId, departmentId: staffMemberships.departmentId })
    .from(staffMemberships)
    .where(and(eq(staffMemberships.userId, userId), eq(staffMemberships.active, true)));
  return { user, memberships };
}

/**
 * An invitation is worth only what its inviter may still give (DOMAIN.md, "Access that ends with
 * its authority"): a staff invitation's unit (and the school above a department) must be active,
 * and the inviter must still hold the permission that let them send it — 'staff.manage' on the
 * unit, or 'contacts.manage' on the dossier — through the same resolvers every action uses. The
 * first administrator's invitation (`centre:init`, no inviter) stands on the installer's authority.
 */
export async function invitationStanding(db: Db, invitation: InvitationTarget): Promise<InvitationStanding> {
  if (!invitation.dossierId) {
    const active = rowsOf<{ active: boolean }>(
      await db.execute(sql`select coalesce(
        (select s.active from schools s where s.id = ${invitation.schoolId}::uuid), true)
        and coalesce((select d.active from departments d where d.id = ${invitation.departmentId}::uuid), true) as active`),
    )[0]?.active;
    if (!active) return 'unit_inactive';
  }
  if (!invitation.invitedBy) return 'valid';
  const caller = await callerOf(db, invitation.invitedBy);
  if (!caller) return 'inviter_lost_authority';
  if (invitation.dossierId) {
    return (await resolveDossierGrant(db, caller, invitation.dossierId, 'contacts.manage')) ? 'valid' : 'inviter_lost_authority';
  }
  const { unit } = membershipUnitOf(invitation);
  return (await resolveUnitGrant(db, caller, { kind: unit.kind, id: unit.id }, 'staff.manage')) ? 'valid' : 'inviter_lost_authority';
}

/**
 * Cancels these pending invitations because the authority behind them ended (`reason`), each
 * audited as a cancellation with its reason: their links then show the cancelled-invitation page.
 * `actorId` is whoever ended that authority (null when an acceptance found out).
 */
export async function cancelForLostAuthority(
  db: Db,
  rows: readonly Pick<Invitation, 'id' | 'dossierId' | 'staffRole' | 'centreId' | 'schoolId' | 'departmentId'>[],
  reason: Exclude<InvitationStanding, 'valid'>,
  by: { actorId: string | null; origin: string | null; now?: Date },
): Promise<number> {
  let cancelled = 0;
  for (const invitation of rows) {
    const [row] = await db
      .update(invitations)
      .set({ status: 'cancelled', cancelledBy: by.actorId, cancelledAt: by.now ?? new Date() })
      .where(and(eq(invitations.id, invitation.id), eq(invitations.status, 'pending')))
      .returning({ id: invitations.id });
    if (!row) continue;
    cancelled++;
    const unit = invitation.dossierId ? null : membershipUnitOf(invitation).unit;
    await recordAudit(db, {
      actorId: by.actorId,
      action: 'invitation_cancelled',
      dossierId: invitation.dossierId,
      targetType: 'invitation',
      targetId: row.id,
      details: { reason, ...(unit ? { unitKind: unit.kind, unitId: unit.id } : {}) },
      origin: by.origin,
    });
  }
  return cancelled;
}

/** The pending invitations `userId` sent whose authority ended with their membership: cancelled (after 'Toegang intrekken'). */
export async function cancelInvitationsOf(db: Db, userId: string, by: { actorId: string | null; origin: string | null }): Promise<number> {
  const open = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.invitedBy, userId), eq(invitations.status, 'pending')))
    .for('update');
  let cancelled = 0;
  for (const invitation of open) {
    const standing = await invitationStanding(db, invitation);
    if (standing !== 'valid') cancelled += await cancelForLostAuthority(db, [invitation], standing, by);
  }
  return cancelled;
}
