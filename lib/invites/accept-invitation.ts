import { and, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit/record-event';
import type { Locale } from '@/lib/codes';
import { env } from '@/lib/config/env';
import type { Db } from '@/lib/db/client';
import { dossierContacts, invitations, staffMemberships, users, type Invitation } from '@/lib/db/schema';
import { enqueueMail } from '@/lib/mail/enqueue-mail';
import { unitPath } from '@/lib/organisation/unit-path';
import { compareNames, type NameComparison } from './compare-names';
import { cancelForLostAuthority, invitationStanding } from './inviter-authority';
import { roleOfRow } from './target';
import { hashToken, isTokenShaped } from './token';
import { personName } from '@/lib/text/person-name';

/** The form field of a staff member's explicit second step on a dossier invitation (the checkbox "Ik ben zelf de persoon …"): value `ja`. */
export const SELF_CONFIRM_FIELD = 'ikBenHet';

/** Where the new access leads: the dossier, or the unit's page in 'Beheer organisatie'. */
export type AcceptOutcome =
  | { status: 'accepted'; next: string }
  /** Accepted, but the centre must confirm it was the person meant: nothing of the dossier until then. */
  | { status: 'awaiting_confirmation' }
  /** A dossier invitation opened by someone with an organisation role: they must say explicitly that it is theirs. */
  | { status: 'needs_second_step' }
  | { status: 'invalid' };

type Person = { givenName: string | null; familyName: string; locale: Locale | null };

/**
 * 'Uitnodiging aanvaarden' by a signed-in person. One transaction: lock the invitation row,
 * check it is pending and unexpired, that its unit is active and its inviter still holds the
 * permission that sent it (`invitationStanding`; otherwise it is cancelled, and the link shows
 * the cancelled page), give access — a dossier contact or a staff membership —
 * (or keep the access they already have), mark it accepted, audit, and queue the inviter's
 * notification. Of concurrent accepts, one wins.
 *
 * A dossier invitation is bound to the person meant: the itsme-verified name is compared with
 * the name the school gave; a mismatch, or a parent invited without a name, gives a contact
 * awaiting the centre's confirmation (no access) and the inviter a mail asking to decide. A
 * person with an organisation role accepts a dossier invitation only with `confirmedBySelf`.
 */
export async function acceptInvitation(
  db: Db,
  input: { token: string; userId: string; origin?: string | null; now?: Date; confirmedBySelf?: boolean; locale?: Locale | null },
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
    // Worth only what the inviter may still give, on a unit still open: else the link dies now.
    const standing = await invitationStanding(tx, invitation);
    if (standing !== 'valid') {
      await cancelForLostAuthority(tx, [invitation], standing, { actorId: null, origin: input.origin ?? null, now });
      return { status: 'invalid' } as const;
    }
    const [person] = await tx
      .select({ givenName: users.givenName, familyName: users.familyName, locale: users.locale })
      .from(users)
      .where(eq(users.id, input.userId));
    if (!person) return { status: 'invalid' } as const;

    let staffAfterWarning = false;
    if (invitation.dossierId) {
      const [membership] = await tx
        .select({ id: staffMemberships.id })
        .from(staffMemberships)
        .where(and(eq(staffMemberships.userId, input.userId), eq(staffMemberships.active, true)))
        .limit(1);
      if (membership && !input.confirmedBySelf) return { status: 'needs_second_step' } as const;
      staffAfterWarning = Boolean(membership);
    }

    const granted = invitation.dossierId
      ? await grantContact(tx, invitation, invitation.dossierId, input.userId, person, now)
      : await grantMembership(tx, invitation, input.userId, now);
    const awaiting = 'awaiting' in granted && granted.awaiting;

    await tx
      .update(invitations)
      .set({ status: 'accepted', acceptedBy: input.userId, acceptedAt: now })
      .where(eq(invitations.id, invitation.id));
    // The language they read a dossier invitation in becomes theirs, unless they already chose one.
    if (invitation.dossierId && !person.locale) {
      await tx
        .update(users)
        .set({ locale: input.locale ?? invitation.locale })
        .where(and(eq(users.id, input.userId), sql`${users.locale} is null`));
    }
    const verifiedName = personName(person);
    await recordAudit(tx, {
      actorId: input.userId,
      action: awaiting ? 'invitation_accepted_pending' : 'invitation_accepted',
      dossierId: invitation.dossierId,
      targetType: 'invitation',
      targetId: invitation.id,
      details: { role: roleOfRow(invitation), ...granted.details, ...(staffAfterWarning ? { acceptedByStaffAfterWarning: true } : {}) },
      origin: input.origin,
    });

    if (invitation.invitedBy) {
      const [inviter] = await tx.select({ email: users.email }).from(users).where(eq(users.id, invitation.invitedBy));
      if (inviter?.email) {
        const common = {
          acceptedByName: verifiedName,
          invitedEmail: invitation.email,
          role: roleOfRow(invitation),
          contactsUrl: `${env().APP_URL}${granted.managePath}`,
        };
        await (awaiting && invitation.role
          ? enqueueMail(tx, {
              to: inviter.email,
              template: 'invitation_needs_confirmation',
              payload: { ...common, role: invitation.role, expectedName: invitation.expectedName },
            })
          : enqueueMail(tx, { to: inviter.email, template: 'invitation_accepted', payload: common }));
      }
    }
    return awaiting ? ({ status: 'awaiting_confirmation' } as const) : ({ status: 'accepted', next: granted.next } as const);
  });
}

async function grantContact(tx: Db, invitation: Invitation, dossierId: string, userId: string, person: Person, now: Date) {
  const nameCheck: NameComparison = compareNames(invitation.expectedName, person);
  const needsConfirmation = nameCheck === 'mismatch' || (nameCheck === 'no_expected_name' && invitation.role === 'parent');
  const [existing] = await tx
    .select({ id: dossierContacts.id, status: dossierContacts.status })
    .from(dossierContacts)
    .where(and(eq(dossierContacts.dossierId, dossierId), eq(dossierContacts.userId, userId), isNull(dossierContacts.revokedAt)))
    .limit(1);
  const contact =
    existing ??
    (
      await tx
        .insert(dossierContacts)
        .values({
          dossierId,
          userId,
          role: invitation.role!,
          status: needsConfirmation ? 'awaiting_confirmation' : 'confirmed',
          invitationId: invitation.id,
          grantedBy: invitation.invitedBy,
          grantedAt: now,
        })
        .returning({ id: dossierContacts.id, status: dossierContacts.status })
    )[0]!;
  return {
    details: {
      contactId: contact.id,
      keptExistingAccess: Boolean(existing),
      nameCheck,
      verifiedName: personName(person),
      expectedName: invitation.expectedName,
    },
    awaiting: contact.status !== 'confirmed',
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
