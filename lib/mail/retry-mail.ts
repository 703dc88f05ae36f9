import { and, eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { mailOutbox } from '@/lib/db/schema';

/** Puts a failed mail back in the queue, due now, with a fresh count of attempts. */
export async function retryMail(db: Db, mailId: string): Promise<boolean> {
  const rows = await db
    .update(mailOutbox)
    .set({ status: 'queued', attempts: 0, nextAttemptAt: new Date(), lastError: null })
    .where(and(eq(mailOutbox.id, mailId), eq(mailOutbox.status, 'failed')))
    .returning({ id: mailOutbox.id });
  return rows.length > 0;
}
