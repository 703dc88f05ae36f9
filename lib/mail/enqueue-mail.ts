import type { Db } from '@/lib/db/client';
import { mailOutbox } from '@/lib/db/schema';
import { seal } from './seal';
import type { MailPayloads, MailTemplate } from './templates';

/**
 * Writes a mail to the outbox. Called inside the caller's transaction, so the mail exists
 * exactly when the change it announces does; the outbox worker sends it after commit.
 * `secret` (the invitation link) is stored sealed and erased once the mail is done.
 */
export async function enqueueMail<T extends MailTemplate>(
  db: Db,
  input: { to: string; template: T; payload: MailPayloads[T]; secret?: string },
): Promise<{ id: string }> {
  const payload: Record<string, unknown> = { ...input.payload };
  if (input.secret) payload.sealedLink = seal(input.secret);
  const [row] = await db
    .insert(mailOutbox)
    .values({ toAddress: input.to, template: input.template, payload })
    .returning({ id: mailOutbox.id });
  return row!;
}
