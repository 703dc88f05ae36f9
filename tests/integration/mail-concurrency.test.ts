import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env } from '@/lib/config/env';
import { openDatabase, type DatabaseHandle } from '@/lib/db/client';
import { runMigrations } from '@/lib/db/migrate';
import * as t from '@/lib/db/schema';
import { deliverDueMails, type DeliveryTally } from '@/lib/mail/deliver-due-mails';
import { enqueueMail } from '@/lib/mail/enqueue-mail';
import { smtpTransport, type MailTransport } from '@/lib/mail/transport';
import { startSmtpCapture, type SmtpCapture } from '../support/smtp-capture';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// Two workers as two app instances: on PostgreSQL each has its own connection pool; PGlite
// allows one handle per database, so there the two share it (its transactions take turns).
let fresh: TestDatabase;
let first: DatabaseHandle;
let second: DatabaseHandle;
let smtp: SmtpCapture;
let transport: MailTransport;

beforeAll(async () => {
  fresh = await createTestDatabase();
  first = openDatabase(fresh.url ? { url: fresh.url } : { memory: true });
  await runMigrations(first);
  second = fresh.url ? openDatabase({ url: fresh.url }) : first;
  smtp = await startSmtpCapture();
  transport = smtpTransport(smtp.url, env().MAIL_FROM);
});

afterAll(async () => {
  await smtp?.close();
  if (second !== first) await second?.close();
  await first?.close();
  await fresh?.drop();
});

/** Passes until the outbox has nothing due: what one app instance's worker would do. */
async function drain(handle: DatabaseHandle, now: Date): Promise<DeliveryTally> {
  const total: DeliveryTally = { sent: 0, failed: 0, retried: 0 };
  for (;;) {
    const tally = await deliverDueMails(handle.db, { transport, now, batch: 3 });
    if (tally.sent + tally.failed + tally.retried === 0) return total;
    total.sent += tally.sent;
    total.failed += tally.failed;
    total.retried += tally.retried;
  }
}

describe('two workers on one outbox', () => {
  it('deliver 20 mails exactly once each', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const { id } = await enqueueMail(first.db, {
        to: `ouder${i}@example.be`,
        template: 'invitation',
        payload: { inviterName: 'Sofie Janssens', organisationName: 'De Regenboog', role: 'parent', expiresAt: '2030-02-01T12:00:00.000Z' },
        secret: `${env().APP_URL}/uitnodiging/token${String(i).padStart(38, '0')}`,
      });
      ids.push(id);
    }
    const now = new Date(Date.now() + 1000);
    const started = performance.now();
    const [a, b] = await Promise.all([drain(first, now), drain(second, now)]);
    const ms = Math.round(performance.now() - started);

    expect(a.sent + b.sent).toBe(20);
    expect(a.failed + b.failed + a.retried + b.retried).toBe(0);
    const received = await smtp.messages();
    expect(received).toHaveLength(20);
    expect(new Set(received.map((m) => m.messageId))).toEqual(new Set(ids.map((id) => `<${id}@localhost>`)));
    expect(received.map((m) => m.to[0]).sort()).toEqual(ids.map((_, i) => `ouder${i}@example.be`).sort());
    const rows = await first.db.select().from(t.mailOutbox).where(inArray(t.mailOutbox.id, ids));
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1 && !('sealedLink' in r.payload))).toBe(true);
    console.info(`[mail] ${first.driver}: worker A sent ${a.sent}, worker B sent ${b.sent}, 20 mails in ${ms} ms`);
  });
});
