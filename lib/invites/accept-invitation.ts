import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit/record-event';
import { env } from '@/lib/config/env';
import type { Db } from '@/lib/db/client';
import { dossierContacts, invitations, staffMemberships, users, type Invitation } from '@/lib/db/schema';
import { enqueueMail } from '@/lib/mail/enqueue-mail';
import { unitPath } from '@/lib/organisation/unit-path';
import { roleOfRow } from './target';
import { hashToken, isTokenShaped } from './token';
import { personName } from '@/lib/text/person-name';

/** Where the new access leads: the dossier, or the unit's page in 'Beheer organisatie'. */
export type AcceptOutcome = { status: 'accepted'; next: string } | { status: 'invalid' };

/**
 * 'Uitnodiging aanvaarden' by a signed-in person. One transaction: lock the invitation row,
 * check it is pending and unexpired, give access — a dossier contact or a staff membership —
 * (or keep the access they already have), mark it accepted, audit, and queue the inviter's
 * notification. Of concurrent accepts, one wins.
 */
export async function acceptInvitation(
  db: Db,
  input: { token: string; userId: string; origin?: string | null; now?: Date },
): Promise<AcceptOutcome> {
  if (!isTokenShaped(input.token)) return { status: 'invalid' };
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const [invitation] = await tx
      .select()
      .from(invitations)
      .where(eq(invitations.tokenHash, hashToken(input.token)))
      .for('update')
      .limit(1);
    if (!invitation || invitation.status !== 'pending' || invitation.expiresAt <= now) return { status: 'invalid' } as const;

    const granted = invitation.dossierId
      ? await grantContact(tx, invitation, invitation.dossierId, input.userId, now)
      : await grantMembership(tx, invitation, input.userId, now);

    await tx
      .update(invitations)
      .set({ status: 'accepted', acceptedBy: input.userId, acceptedAt: now })
      .where(eq(invitations.id, invitation.id));
    await recordAudit(tx, {
      actorId: input.userId,
      action: 'invitation_accepted',
      dossierId: invitation.dossierId,
      targetType: 'invitation',
      targetId: invitation.id,
      details: { role: roleOfRow(invitation), ...granted.details },
      origin: input.origin,
    });

    if (invitation.invitedBy) {
      const [person] = await tx
        .select({ givenName: users.givenName, familyName: users.familyName })
        .from(users)
        .where(eq(users.id, input.userId));
      const [inviter] = await tx.select({ email: users.email }).from(users).where(eq(users.id, invitation.invitedBy));
      if (inviter?.email) {
        await enqueueMail(tx, {
          to: inviter.email,
          template: 'invitation_accepted',
          payload: {
            acceptedByName: person ? personName(person) : '',
            invitedEmail: invitation.email,
            role: roleOfRow(invitation),
            contactsUrl: `${env().APP_URL}${granted.managePath}`,
          },
        });
      }
    }
    return { status: 'accepted', next: granted.next } as const;
  });
}

async function grantContact(tx: Db, invitation: Invitation, dossierId: string, userId: string, now: Date) {
  const [existing] = await tx
    .select({ id: dossierContacts.id })
    .from(dossierContacts)
    .where(and(eq(dossierContacts.dossierId, dossierId), eq(dossierContacts.userId, userId), isNull(dossierContacts.revokedAt)))
    .limit(1);
  const contactId =
    existing?.id ??
    (
      await tx
        .insert(dossierContacts)
        .values({ dossierId, userId, role: invitation.role!, invitationId: invitation.id, grantedBy: invitation.invitedBy, grantedAt: now })
        .returning({ id: dossierContacts.id })
    )[0]!.id;
  return {
    details: { contactId, keptExistingAccess: Boolean(existing) },
    next: `/dossiers/${dossierId}`,
    managePath: `/dossiers/${dossierId}/contacten`,
  };
}

type StaffInvitationFields = Pick<Invitation, 'staffRole' | 'centreId' | 'schoolId' | 'departmentId'>;

/** A staff invitation's membership: its one unit (as staff_memberships_unit_matches_role wants it) and the column that holds it. */
export function membershipUnitOf(invitation: StaffInvitationFields) {
  const role = invitation.staffRole!;
  const unit =
    role === 'centre_staff'
      ? { kind: 'centre' as const, id: invitation.centreId!, columns: { centreId: invitation.centreId, schoolId: null, departmentId: null } }
      : role === 'school_manager'
        ? { kind: 'school' as const, id: invitation.schoolId!, columns: { centreId: null, schoolId: invitation.schoolId, departmentId: null } }
        : { kind: 'department' as const, id: invitation.departmentId!, columns: { centreId: null, schoolId: null, departmentId: invitation.departmentId } };
  const unitColumn =
    unit.kind === 'centre' ? staffMemberships.centreId : unit.kind === 'school' ? staffMemberships.schoolId : staffMemberships.departmentId;
  // A centre's staff land on their organisation page; managers on 'Beheer aanvragen' for their scope.
  const next = role === 'centre_staff' ? unitPath(unit) : '/aanvragen';
  return { role, unit, unitColumn, next };
}

async function grantMembership(tx: Db, invitation: Invitation, userId: string, now: Date) {
  const { role, unit, unitColumn, next } = membershipUnitOf(invitation);
  const [existing] = await tx
    .select({ id: staffMemberships.id })
    .from(staffMemberships)
    .where(and(eq(staffMemberships.userId, userId), eq(staffMemberships.role, role), eq(unitColumn, unit.id), eq(staffMemberships.active, true)))
    .limit(1);
  const membershipId =
    existing?.id ??
    (
      await tx
        .insert(staffMemberships)
        .values({ userId, role, ...unit.columns, invitationId: invitation.id, invitedBy: invitation.invitedBy, createdAt: now })
        .returning({ id: staffMemberships.id })
    )[0]!.id;
  const page = unitPath(unit);
  return {
    details: { membershipId, unitKind: unit.kind, unitId: unit.id, keptExistingAccess: Boolean(existing) },
    next,
    managePath: page,
  };
}
