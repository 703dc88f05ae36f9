import { eq } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit/record-event';
import { env } from '@/lib/config/env';
import type { Db } from '@/lib/db/client';
import type { Actor, DossierGrant } from '@/lib/dossiers/dossier-grant';
import { centres, invitations, type ContactRole } from '@/lib/db/schema';
import { enqueueMail } from '@/lib/mail/enqueue-mail';
import { findAddressOnDossier } from './find-address-on-dossier';
import { normalizeEmail } from './normalize-email';
import { hashToken, invitationLink, linkExpiresAt, newInvitationToken } from './token';

export type SendOutcome =
  | { status: 'sent'; invitationId: string; mailId: string; email: string }
  | { status: 'invalid' }
  | { status: 'has_access'; role: ContactRole }
  | { status: 'open_invitation'; invitationId: string };

/** Queues the invitation mail for an invitation row and points the row at it. */
export async function queueInvitationMail(
  tx: Db,
  input: { invitationId: string; email: string; role: ContactRole; inviter: Actor; centreId: string; token: string; expiresAt: Date; replaces?: boolean },
): Promise<string> {
  const [centre] = await tx.select({ name: centres.name }).from(centres).where(eq(centres.id, input.centreId)).limit(1);
  const mail = await enqueueMail(tx, {
    to: input.email,
    template: 'invitation',
    payload: {
      inviterName: `${input.inviter.givenName} ${input.inviter.familyName}`,
      organisationName: centre?.name ?? env().APP_NAME,
      role: input.role,
      expiresAt: input.expiresAt.toISOString(),
      ...(input.replaces ? { replaces: true } : {}),
    },
    secret: invitationLink(env().APP_URL, input.token),
  });
  await tx.update(invitations).set({ mailId: mail.id, sentAt: new Date() }).where(eq(invitations.id, input.invitationId));
  return mail.id;
}

/**
 * 'Verstuur': the invitation and its mail in one transaction. The mail goes out after commit
 * (the outbox worker); a mail outage loses nothing.
 */
export async function sendInvitation(
  db: Db,
  grant: DossierGrant<'contacts.manage'>,
  input: { role: ContactRole; email: string; now?: Date },
): Promise<SendOutcome> {
  const normalized = normalizeEmail(input.email);
  if (!normalized.ok) return { status: 'invalid' };
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const existing = await findAddressOnDossier(tx, grant.id, normalized.key);
    if (existing.contactRole) return { status: 'has_access', role: existing.contactRole } as const;
    if (existing.openInvitation) return { status: 'open_invitation', invitationId: existing.openInvitation.id } as const;
    const token = newInvitationToken();
    const expiresAt = linkExpiresAt(now, env().INVITATION_TTL_DAYS);
    const [row] = await tx
      .insert(invitations)
      .values({
        dossierId: grant.id,
        role: input.role,
        email: normalized.email,
        emailKey: normalized.key,
        tokenHash: hashToken(token),
        invitedBy: grant.actor.id,
        createdAt: now,
        expiresAt,
      })
      // A concurrent Verstuur for the same address got there first: the partial unique index decides.
      .onConflictDoNothing()
      .returning({ id: invitations.id });
    if (!row) {
      const again = await findAddressOnDossier(tx, grant.id, normalized.key);
      return { status: 'open_invitation', invitationId: again.openInvitation?.id ?? '' } as const;
    }
    const mailId = await queueInvitationMail(tx, {
      invitationId: row.id,
      email: normalized.email,
      role: input.role,
      inviter: grant.actor,
      centreId: grant.centreId,
      token,
      expiresAt,
    });
    await recordAudit(tx, {
      actorId: grant.actor.id,
      action: 'invitation_sent',
      dossierId: grant.id,
      targetType: 'invitation',
      targetId: row.id,
      details: { role: input.role, email: normalized.email },
      origin: grant.origin,
    });
    return { status: 'sent', invitationId: row.id, mailId, email: normalized.email } as const;
  });
}
