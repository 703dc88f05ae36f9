import type { Db } from '@/lib/db/client';
import { mailOutbox } from '@/lib/db/schema';
import { seal } from './seal';
import { SEALED_KEY, mailPayloadSchemas, secretField, type MailPayloads, type MailTemplate } from './templates';

/**
 * Writes a mail to the outbox. Meant to run inside the caller's transaction (`db` may be one),
 * so the mail exists exactly when the change it announces does; the outbox worker sends it
 * after commit. `secret` (the invitation link) is stored sealed, never in clear, and is erased
 * once the mail is sent or has finally failed.
 */
export async function enqueueMail<T extends MailTemplate>(
  db: Db,
  input: { to: string; template: T; payload: MailPayloads[T]; secret?: string },
): Promise<{ id: string }> {
  const payload: Record<string, unknown> = mailPayloadSchemas[input.template].parse(input.payload);
  const needsSecret = Boolean(secretField[input.template]);
  if (needsSecret !== Boolean(input.secret)) {
    throw new Error(`mail template ${input.template} ${needsSecret ? 'needs' : 'takes no'} secret`);
  }
  if (input.secret) payload[SEALED_KEY] = seal(input.secret);
  const [row] = await db
    .insert(mailOutbox)
    .values({ toAddress: input.to, template: input.template, payload })
    .returning({ id: mailOutbox.id });
  return row!;
}
