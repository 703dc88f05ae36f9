import { and, eq, inArray, lte, or, sql } from 'drizzle-orm';
import { env } from '@/lib/config/env';
import type { Db } from '@/lib/db/client';
import { mailOutbox, type MailOutboxRow } from '@/lib/db/schema';
import { renderMail } from './render';
import type { MailTemplate, StoredPayload } from './templates';
import type { MailSender } from './transport';

const LEASE_MS = 2 * 60_000;
const BASE_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 60 * 60_000;

export function backoffMs(attempts: number, random = Math.random): number {
  const exponential = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential * (0.8 + 0.4 * random()));
}

/**
 * One pass of the outbox. Due mails are claimed atomically (`FOR UPDATE SKIP LOCKED`, then a
 * lease), so two app instances never take the same mail. Each claimed mail is sent, then
 * marked sent; a failure is recorded and retried with exponential backoff until
 * MAIL_MAX_ATTEMPTS, then marked failed. Once a mail is done its sealed link is erased.
 *
 * Guarantee: at most once per claim, at least once overall. The one gap SMTP leaves is a
 * server that accepts the message and drops the connection before answering (or this process
 * dying between the server's "250 OK" and our update): the lease then lapses and the mail is
 * sent again. The Message-ID stays the same on every attempt, so mail clients can de-duplicate.
 */
export async function deliverDueMails(
  db: Db,
  options: { transport: MailSender; now?: Date; batch?: number },
): Promise<{ sent: number; retried: number; failed: number }> {
  const now = options.now ?? new Date();
  const claimed = await claim(db, now, options.batch ?? 10);
  const tally = { sent: 0, retried: 0, failed: 0 };
  for (const mail of claimed) {
    try {
      const rendered = await renderMail(mail.template as MailTemplate, mail.payload as StoredPayload);
      await options.transport.send({ to: mail.toAddress, ...rendered, messageId: `<${mail.id}@diplon.mail>` });
      await db
        .update(mailOutbox)
        .set({ status: 'sent', sentAt: new Date(), lockedUntil: null, lastError: null, payload: erased(mail.payload) })
        .where(eq(mailOutbox.id, mail.id));
      tally.sent++;
    } catch (error) {
      const attempts = mail.attempts;
      const final = attempts >= env().MAIL_MAX_ATTEMPTS;
      await db
        .update(mailOutbox)
        .set({
          status: final ? 'failed' : 'queued',
          lockedUntil: null,
          lastError: describe(error),
          nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)),
          ...(final ? { payload: erased(mail.payload) } : {}),
        })
        .where(eq(mailOutbox.id, mail.id));
      if (final) tally.failed++;
      else tally.retried++;
    }
  }
  return tally;
}

async function claim(db: Db, now: Date, batch: number): Promise<MailOutboxRow[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(
        or(
          and(eq(mailOutbox.status, 'queued'), lte(mailOutbox.nextAttemptAt, now)),
          and(eq(mailOutbox.status, 'sending'), lte(mailOutbox.lockedUntil, now)),
        ),
      )
      .orderBy(mailOutbox.nextAttemptAt)
      .limit(batch)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(mailOutbox)
      .set({ status: 'sending', lockedUntil: new Date(now.getTime() + LEASE_MS), attempts: sql`${mailOutbox.attempts} + 1` })
      .where(inArray(mailOutbox.id, due.map((d) => d.id)))
      .returning();
  });
}

/** The payload without its sealed link, once the link is no longer needed. */
function erased(payload: Record<string, unknown>): Record<string, unknown> {
  const { sealedLink: _gone, ...rest } = payload;
  return rest;
}

/** A short error for staff and logs: never the message body or the link. */
function describe(error: unknown): string {
  const e = error as { code?: string; responseCode?: number; message?: string };
  const parts = [e.code, e.responseCode, e.message?.split('\n')[0]].filter(Boolean);
  return parts.join(' ').slice(0, 300) || 'onbekende fout';
}
