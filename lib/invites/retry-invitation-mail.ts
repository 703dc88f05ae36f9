import { and, eq } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit/record-event';
import { env } from '@/lib/config/env';
import type { Db } from '@/lib/db/client';
import { invitations, mailOutbox } from '@/lib/db/schema';
import { auditDossierOf, auditUnitOf, invitationsOf, roleOfRow, targetOf, type InviteGrant } from './target';
import { retryMail } from '@/lib/mail/retry-mail';
import { hashToken, invitationLink, newInvitationToken } from './token';

/**
 * The retry button of a failed invitation mail. The old link was erased from the outbox when
 * the mail gave up, so the retry carries a fresh token (the old one dies with its hash); the
 * expiry stays as it was.
 */
export async function retryInvitationMail(
  db: Db,
  grant: InviteGrant,
  input: { invitationId: string },
): Promise<{ email: string } | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ mailId: mailOutbox.id, status: mailOutbox.status, email: invitations.email })
      .from(invitations)
      .innerJoin(mailOutbox, eq(mailOutbox.id, invitations.mailId))
      .where(and(eq(invitations.id, input.invitationId), invitationsOf(targetOf(grant)), eq(invitations.status, 'pending')))
      .for('update', { of: invitations })
      .limit(1);
    if (!row || row.status !== 'failed') return null;
    const token = newInvitationToken();
    await tx.update(invitations).set({ tokenHash: hashToken(token) }).where(eq(invitations.id, input.invitationId));
    if (!(await retryMail(tx, row.mailId, { secret: invitationLink(env().APP_URL, token) }))) return null;
    await recordAudit(tx, {
      actorId: grant.actor.id,
      action: 'mail_retried',
      dossierId: auditDossierOf(targetOf(grant)),
      details: auditUnitOf(targetOf(grant)),
      targetType: 'invitation',
      targetId: input.invitationId,
      origin: grant.origin,
    });
    return { email: row.email };
  });
}
