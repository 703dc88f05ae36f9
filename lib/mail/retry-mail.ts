import { and, eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { mailOutbox } from '@/lib/db/schema';
import { seal } from './seal';
import { SEALED_KEY, isMailTemplate, secretField } from './templates';

/**
 * Staff's 'retry' (after the caller authorised it): a failed mail back in the queue, due now,
 * with a fresh count of attempts. A failed invitation mail has had its link erased, so it can
 * only be retried with a new one (`secret`: a link with a new token); without it this returns
 * false, as it does for a mail that is not failed.
 */
export async function retryMail(db: Db, mailId: string, options: { secret?: string; now?: Date } = {}): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [mail] = await tx
      .select({ template: mailOutbox.template, payload: mailOutbox.payload })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.id, mailId), eq(mailOutbox.status, 'failed')))
      .for('update');
    if (!mail || !isMailTemplate(mail.template)) return false;
    const needsSecret = Boolean(secretField[mail.template]);
    let payload = mail.payload;
    if (needsSecret) {
      if (options.secret) payload = { ...payload, [SEALED_KEY]: seal(options.secret) };
      else if (typeof payload[SEALED_KEY] !== 'string') return false;
    }
    await tx
      .update(mailOutbox)
      .set({ status: 'queued', attempts: 0, nextAttemptAt: options.now ?? new Date(), lockedUntil: null, lastError: null, payload })
      .where(eq(mailOutbox.id, mailId));
    return true;
  });
}
