import { and, eq } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit/record-event';
import type { Db } from '@/lib/db/client';
import { invitations, mailOutbox } from '@/lib/db/schema';
import { retryMail } from '@/lib/mail/retry-mail';

/** The retry button: re-queues the failed mail of an open invitation of this dossier. */
export async function retryInvitationMail(
  db: Db,
  input: { dossierId: string; invitationId: string; actorId: string; origin?: string | null },
): Promise<{ email: string } | null> {
  const [row] = await db
    .select({ mailId: mailOutbox.id, status: mailOutbox.status, email: invitations.email })
    .from(invitations)
    .innerJoin(mailOutbox, eq(mailOutbox.id, invitations.mailId))
    .where(and(eq(invitations.id, input.invitationId), eq(invitations.dossierId, input.dossierId), eq(invitations.status, 'pending')))
    .limit(1);
  if (!row || row.status !== 'failed') return null;
  await retryMail(db, row.mailId);
  await recordAudit(db, {
    actorId: input.actorId,
    action: 'mail_retried',
    dossierId: input.dossierId,
    targetType: 'invitation',
    targetId: input.invitationId,
    origin: input.origin,
  });
  return { email: row.email };
}
