import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit/record-event';
import { env } from '@/lib/config/env';
import type { Db } from '@/lib/db/client';
import { dossierContacts, invitations, users } from '@/lib/db/schema';
import { enqueueMail } from '@/lib/mail/enqueue-mail';
import { hashToken, isTokenShaped } from './token';
import { personName } from '@/lib/text/person-name';

export type AcceptOutcome = { status: 'accepted'; dossierId: string } | { status: 'invalid' };

/**
 * 'Uitnodiging aanvaarden' by a signed-in person. One transaction: lock the invitation row,
 * check it is pending and unexpired, give access (or keep the access they already have), mark
 * it accepted, audit, and queue the inviter's notification. Of concurrent accepts, one wins.
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

    const [existing] = await tx
      .select({ id: dossierContacts.id })
      .from(dossierContacts)
      .where(
        and(
          eq(dossierContacts.dossierId, invitation.dossierId),
          eq(dossierContacts.userId, input.userId),
          isNull(dossierContacts.revokedAt),
        ),
      )
      .limit(1);
    const contactId =
      existing?.id ??
      (
        await tx
          .insert(dossierContacts)
          .values({
            dossierId: invitation.dossierId,
            userId: input.userId,
            role: invitation.role,
            invitationId: invitation.id,
            grantedBy: invitation.invitedBy,
            grantedAt: now,
          })
          .returning({ id: dossierContacts.id })
      )[0]!.id;

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
      details: { role: invitation.role, contactId, keptExistingAccess: Boolean(existing) },
      origin: input.origin,
    });

    const [people] = await tx
      .select({ givenName: users.givenName, familyName: users.familyName })
      .from(users)
      .where(eq(users.id, input.userId));
    const [inviter] = await tx.select({ email: users.email }).from(users).where(eq(users.id, invitation.invitedBy));
    if (inviter?.email) {
      await enqueueMail(tx, {
        to: inviter.email,
        template: 'invitation_accepted',
        payload: {
          acceptedByName: people ? personName(people) : '',
          invitedEmail: invitation.email,
          role: invitation.role,
          contactsUrl: `${env().APP_URL}/dossiers/${invitation.dossierId}/contacten`,
        },
      });
    }
    return { status: 'accepted', dossierId: invitation.dossierId } as const;
  });
}
