import { and, asc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import { ZodError } from 'zod';
import { env } from '@/lib/config/env';
import type { Db } from '@/lib/db/client';
import { mailOutbox, type MailOutboxRow } from '@/lib/db/schema';
import { backoffMs } from './backoff';
import { renderMail, type RenderedMail } from './render';
import { unseal } from './seal';
import { SEALED_KEY, isMailTemplate, toRenderPayload } from './templates';
import type { MailTransport } from './transport';

/** How long a claim holds a mail. Renewed before each send; one send stays well inside it. */
export const LEASE_MS = 2 * 60_000;

export type DeliveryTally = { sent: number; failed: number; retried: number };

/**
 * One pass of the outbox: claims due mails, sends each, records the outcome.
 *
 * Claiming is one short transaction: `FOR UPDATE SKIP LOCKED` on mails that are queued and
 * due, or stuck in 'sending' after their lease lapsed (a crashed worker), then 'sending' with
 * a lease and attempts + 1. Two workers (two app instances on one database) therefore never
 * hold the same mail. Every later write is fenced on (status 'sending', the attempt number we
 * claimed), so a worker whose lease was taken over changes nothing.
 *
 * Delivery is at least once, not exactly once. SMTP has one gap no outbox can close: the server
 * has accepted DATA but the connection drops (or this process dies) before its "250" reaches us
 * or before we record 'sent'. The lease then lapses and the mail goes out again. The
 * Message-ID is the same on every attempt, so receiving systems can recognise the duplicate.
 */
export async function deliverDueMails(
  db: Db,
  options: { transport: MailTransport; now?: Date; batch?: number },
): Promise<DeliveryTally> {
  const started = Date.now();
  const base = options.now?.getTime() ?? started;
  const clock = () => new Date(base + (Date.now() - started));
  const maxAttempts = env().MAIL_MAX_ATTEMPTS;
  const domain = new URL(env().APP_URL).hostname;
  const tally: DeliveryTally = { sent: 0, failed: 0, retried: 0 };

  for (const mail of await claimDue(db, clock(), options.batch ?? 10)) {
    const fence = and(eq(mailOutbox.id, mail.id), eq(mailOutbox.status, 'sending'), eq(mailOutbox.attempts, mail.attempts));
    const renewed = await db
      .update(mailOutbox)
      .set({ lockedUntil: new Date(clock().getTime() + LEASE_MS) })
      .where(fence)
      .returning({ id: mailOutbox.id });
    if (renewed.length === 0) continue;

    let rendered: RenderedMail;
    try {
      rendered = await renderStored(mail);
    } catch (error) {
      // Nothing a retry could change (bad payload, link sealed under another AUTH_SECRET).
      await db
        .update(mailOutbox)
        .set({ status: 'failed', lockedUntil: null, lastError: `render: ${shortError(error)}`, payload: withoutSecret(mail.payload) })
        .where(fence);
      tally.failed++;
      continue;
    }

    try {
      await options.transport.sendMail({ to: mail.toAddress, ...rendered, messageId: `<${mail.id}@${domain}>` });
    } catch (error) {
      const final = mail.attempts >= maxAttempts;
      await db
        .update(mailOutbox)
        .set({
          status: final ? 'failed' : 'queued',
          lockedUntil: null,
          lastError: shortError(error),
          nextAttemptAt: final ? mail.nextAttemptAt : new Date(clock().getTime() + backoffMs(mail.attempts)),
          ...(final ? { payload: withoutSecret(mail.payload) } : {}),
        })
        .where(fence);
      if (final) tally.failed++;
      else tally.retried++;
      continue;
    }

    await db
      .update(mailOutbox)
      .set({ status: 'sent', sentAt: clock(), lockedUntil: null, lastError: null, payload: withoutSecret(mail.payload) })
      .where(fence);
    tally.sent++;
  }
  return tally;
}

async function claimDue(db: Db, now: Date, batch: number): Promise<MailOutboxRow[]> {
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
      .orderBy(asc(mailOutbox.nextAttemptAt))
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

async function renderStored(mail: MailOutboxRow): Promise<RenderedMail> {
  if (!isMailTemplate(mail.template)) throw new Error(`unknown template ${mail.template}`);
  const sealed = mail.payload[SEALED_KEY];
  const secret = typeof sealed === 'string' ? unseal(sealed) : undefined;
  return renderMail(mail.template, toRenderPayload(mail.template, mail.payload, secret));
}

function withoutSecret(payload: Record<string, unknown>): Record<string, unknown> {
  const { [SEALED_KEY]: _erased, ...rest } = payload;
  return rest;
}

/** For staff and logs: the SMTP code and first line, with anything URL-like removed. */
function shortError(error: unknown): string {
  if (error instanceof ZodError) return `invalid payload (${error.issues.map((i) => i.path.join('.') || '-').join(', ')})`.slice(0, 200);
  const e = error as { code?: unknown; responseCode?: unknown; message?: unknown };
  const first = typeof e.message === 'string' ? e.message.split('\n')[0]! : '';
  const parts = [e.code, e.responseCode, first.replace(/\b[a-z][\w+.-]*:\/\/\S+/gi, '[url]')];
  return parts.filter((p) => p !== undefined && p !== '').join(' ').slice(0, 200) || 'unknown error';
}
