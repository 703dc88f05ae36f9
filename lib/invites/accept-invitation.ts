import { and, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit/record-event';
import type { Locale } from '@/lib/codes';
import { env } from '@/lib/config/env';
import type { Db } from '@/lib/db/client';
import { dossierContacts, invitations, staffMemberships, users } from '@/lib/db/schema';
import { enqueueMail } from '@/lib/mail/enqueue-mail';
import { compareNames } from './compare-names';
import { hashToken, isTokenShaped } from './token';

/** The form field of the staff member's explicit second step (the checkbox "Ik ben zelf de persoon …"): value `ja`. */
export const SELF_CONFIRM_FIELD = 'ikBenHet';

export type AcceptOutcome =
  | { status: 'accepted'; dossierId: string }
  /** Accepted, but the centre must confirm it was the person meant: nothing of the dossier until then. */
  | { status: 'awaiting_confirmation' }
  /** The person has an organisation role: they must say explicitly that the invitation is theirs. */
  | { status: 'needs_second_step' }
  | { status: 'invalid' };

/**
 * 'Uitnodiging aanvaarden' by a signed-in person. One transaction: lock the invitation row,
 * check it is pending and unexpired, compare the itsme-verified name with the name the school
 * gave, give access (or keep the access they already have) — or, when the name does not match
 * or a parent was invited without a name, a contact awaiting the centre's confirmation — mark
 * it accepted, audit, and queue the inviter's mail. Of concurrent accepts, one wins.
 *
 * Someone with an organisation role (staff) accepts only with `confirmedBySelf`: the
 * invitation page tells them it is meant for someone else first.
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

    const [person] = await tx
      .select({ givenName: users.givenName, familyName: users.familyName, locale: users.locale })
      .from(users)
      .where(eq(users.id, input.userId));
    if (!person) return { status: 'invalid' } as const;
    const [membership] = await tx
      .select({ id: staffMemberships.id })
      .from(staffMemberships)
      .where(and(eq(staffMemberships.userId, input.userId), eq(staffMemberships.active, true)))
      .limit(1);
    const isStaff = Boolean(membership);
    if (isStaff && !input.confirmedBySelf) return { status: 'needs_second_step' } as const;

    const nameCheck = compareNames(invitation.expectedName, person);
    const needsConfirmation = nameCheck === 'mismatch' || (nameCheck === 'no_expected_name' && invitation.role === 'parent');

    const [existing] = await tx
      .select({ id: dossierContacts.id, status: dossierContacts.status })
      .from(dossierContacts)
      .where(
        and(
          eq(dossierContacts.dossierId, invitation.dossierId),
          eq(dossierContacts.userId, input.userId),
          isNull(dossierContacts.revokedAt),
        ),
      )
      .limit(1);
    const contact =
      existing ??
      (
        await tx
          .insert(dossierContacts)
          .values({
            dossierId: invitation.dossierId,
            userId: input.userId,
            role: invitation.role,
            status: needsConfirmation ? 'awaiting_confirmation' : 'confirmed',
            invitationId: invitation.id,
            grantedBy: invitation.invitedBy,
            grantedAt: now,
          })
          .returning({ id: dossierContacts.id, status: dossierContacts.status })
      )[0]!;
    const awaiting = contact.status !== 'confirmed';

    await tx
      .update(invitations)
      .set({ status: 'accepted', acceptedBy: input.userId, acceptedAt: now })
      .where(eq(invitations.id, invitation.id));
    // The language they read the invitation in becomes theirs, unless they already chose one.
    if (!person.locale) {
      await tx
        .update(users)
        .set({ locale: input.locale ?? invitation.locale })
        .where(and(eq(users.id, input.userId), sql`${users.locale} is null`));
    }
    const verifiedName = `${person.givenName} ${person.familyName}`.trim();
    await recordAudit(tx, {
      actorId: input.userId,
      action: awaiting ? 'invitation_accepted_pending' : 'invitation_accepted',
      dossierId: invitation.dossierId,
      targetType: 'invitation',
      targetId: invitation.id,
      details: {
        role: invitation.role,
        contactId: contact.id,
        keptExistingAccess: Boolean(existing),
        nameCheck,
        verifiedName,
        expectedName: invitation.expectedName,
        ...(isStaff ? { acceptedByStaffAfterWarning: true } : {}),
      },
      origin: input.origin,
    });

    const [inviter] = await tx.select({ email: users.email }).from(users).where(eq(users.id, invitation.invitedBy));
    if (inviter?.email) {
      const common = {
        acceptedByName: verifiedName,
        invitedEmail: invitation.email,
        role: invitation.role,
        contactsUrl: `${env().APP_URL}/dossiers/${invitation.dossierId}/contacten`,
      };
      await (awaiting
        ? enqueueMail(tx, { to: inviter.email, template: 'invitation_needs_confirmation', payload: { ...common, expectedName: invitation.expectedName } })
        : enqueueMail(tx, { to: inviter.email, template: 'invitation_accepted', payload: common }));
    }
    return awaiting ? ({ status: 'awaiting_confirmation' } as const) : ({ status: 'accepted', dossierId: invitation.dossierId } as const);
  });
}
