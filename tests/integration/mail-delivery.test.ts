import { createHash } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { env } from '@/lib/config/env';
import { openDatabase, type DatabaseHandle, type Db } from '@/lib/db/client';
import { runMigrations } from '@/lib/db/migrate';
import * as t from '@/lib/db/schema';
import { acceptInvitation } from '@/lib/invites/accept-invitation';
import { listOpenInvitations } from '@/lib/invites/list-open-invitations';
import { sendInvitation } from '@/lib/invites/send-invitation';
import { deliverDueMails, LEASE_MS, type DeliveryTally } from '@/lib/mail/deliver-due-mails';
import { enqueueMail } from '@/lib/mail/enqueue-mail';
import { retryMail } from '@/lib/mail/retry-mail';
import { smtpTransport, type MailTransport } from '@/lib/mail/transport';
import { grantFor, makeDossier, makeOrganisation, makeStaff, makeUser } from '../support/fixtures';
import { startSmtpCapture, type SmtpCapture } from '../support/smtp-capture';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// A database of this file's own (fresh PostgreSQL database or in-memory PGlite), so the
// outbox holds only what these cases put in it and every tally is exact.
let fresh: TestDatabase;
let handle: DatabaseHandle;
let db: Db;
let smtp: SmtpCapture;
let transport: MailTransport;

beforeAll(async () => {
  fresh = await createTestDatabase();
  handle = openDatabase(fresh.url ? { url: fresh.url } : { memory: true });
  await runMigrations(handle);
  db = handle.db;
  smtp = await startSmtpCapture();
  transport = smtpTransport(smtp.url, env().MAIL_FROM);
});

afterAll(async () => {
  await smtp?.close();
  await handle?.close();
  await fresh?.drop();
});

// Each case starts with an empty queue and a virtual clock ahead of the rows' real timestamps.
let start: number;
const at = (seconds: number) => new Date(start + seconds * 1000);
beforeEach(async () => {
  await db.update(t.mailOutbox).set({ status: 'failed' }).where(sql`${t.mailOutbox.status} in ('queued', 'sending')`);
  smtp.setMode('accept');
  start = Date.now() + 60_000;
});

const link = (token: string) => `${env().APP_URL}/uitnodiging/${token}`;
const newToken = () => createHash('sha256').update(String(Math.random())).digest('base64url');
const invitationPayload = {
  inviterName: 'Sofie Janssens',
  organisationName: 'Leersteuncentrum De Regenboog',
  role: 'parent' as const,
  expiresAt: '2030-02-01T12:00:00.000Z',
};

async function row(id: string) {
  const [mail] = await db.select().from(t.mailOutbox).where(eq(t.mailOutbox.id, id));
  return mail!;
}

async function rawRowText(id: string): Promise<string> {
  const result = await db.execute(sql`select row_to_json(m)::text as json from mail_outbox m where id = ${id}`);
  const rows = Array.isArray(result) ? result : (result as { rows: { json: string }[] }).rows;
  return (rows[0] as { json: string }).json;
}

async function capturedFor(id: string) {
  return (await smtp.messages()).filter((m) => m.messageId === `<${id}@localhost>`);
}

async function queueInvitation(to: string) {
  const token = newToken();
  const { id } = await enqueueMail(db, { to, template: 'invitation', payload: invitationPayload, secret: link(token) });
  return { id, token };
}

describe('invitation mail through the outbox', () => {
  it('reaches the invitee over SMTP without student data, and the database never holds its link in clear', async () => {
    const org = await makeOrganisation(db);
    const { dossier, student } = await makeDossier(db, org, { givenName: 'Marieke', familyName: 'Verstraeten' });
    const { user: inviter, viewer } = await makeStaff(db, { role: 'centre_staff', centreId: org.centre.id });
    await db.update(t.users).set({ email: 'sofie@regenboog.example' }).where(eq(t.users.id, inviter.id));
    const grant = await grantFor(db, viewer, dossier.id, 'contacts.manage');

    const sent = await sendInvitation(db, grant, { role: 'teacher',
      email: 'Leen.Claes@School.example',
    });
    expect(sent.status).toBe('sent');
    const mailId = (sent as { mailId: string }).mailId;
    const queued = await row(mailId);
    expect(queued).toMatchObject({ status: 'queued', toAddress: 'Leen.Claes@school.example', template: 'invitation' });
    expect(queued.payload.sealedLink).toMatch(/^v1\./);
    expect(await rawRowText(mailId)).not.toContain('/uitnodiging/');

    expect(await deliverDueMails(db, { transport, now: at(0) })).toEqual({ sent: 1, failed: 0, retried: 0 });
    const [mail] = await capturedFor(mailId);
    expect(mail!.to).toEqual(['Leen.Claes@school.example']);
    expect(mail!.subject).toBe(`${org.centre.name}: uitnodiging voor een dossier in Diplon`);
    const from = mail!.headers.get('from') as { value: { address: string }[] };
    expect(env().MAIL_FROM).toContain(`<${from.value[0]!.address}>`);
    const token = /\/uitnodiging\/([\w-]{43})\b/.exec(mail!.text)![1]!;
    expect(mail!.html).toContain(`href="${link(token)}"`);
    const [invitation] = await db.select().from(t.invitations).where(eq(t.invitations.mailId, mailId));
    expect(invitation!.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(mail!.text).toContain(org.centre.name);
    for (const body of [mail!.html, mail!.text, mail!.subject]) {
      for (const secret of [student.givenName, student.familyName, String(student.birthYear), student.className]) {
        // The random token may contain a short secret like "L4" by chance (about 1 run in 100).
        expect(body.replaceAll(token, '')).not.toContain(secret);
      }
    }
    expect(mail!.text).toContain('Sofie Janssens van');
    expect(mail!.text).toContain('als Leerkracht');

    const done = await row(mailId);
    expect(done).toMatchObject({ status: 'sent', attempts: 1, lockedUntil: null, lastError: null });
    expect(done.sentAt!.getTime()).toBeGreaterThanOrEqual(at(0).getTime());
    expect(done.payload).not.toHaveProperty('sealedLink');
    expect(await rawRowText(mailId)).not.toContain(token);

    // The inviter hears of the acceptance, with the itsme name and still no student data.
    const invitee = await makeUser(db, 'Leen Claes');
    expect(await acceptInvitation(db, { token, userId: invitee.id })).toMatchObject({ status: 'accepted' });
    expect(await deliverDueMails(db, { transport, now: at(5) })).toEqual({ sent: 1, failed: 0, retried: 0 });
    const notice = await smtp.waitFor((m) => m.to.includes('sofie@regenboog.example'));
    expect(notice.subject).toBe('Uitnodiging aanvaard in Diplon');
    expect(notice.text).toContain('De uitnodiging die je naar Leen.Claes@school.example stuurde als Leerkracht, werd aanvaard door Leen Claes');
    expect(notice.text).toContain(`/dossiers/${dossier.id}/contacten`);
    for (const secret of [student.givenName, student.familyName, String(student.birthYear)]) {
      expect(notice.html).not.toContain(secret);
      expect(notice.text).not.toContain(secret);
    }
  });

  it('refuses a payload it could not render, and an invitation without its link', async () => {
    await expect(
      enqueueMail(db, { to: 'a@b.example', template: 'invitation', payload: invitationPayload }),
    ).rejects.toThrow(/needs secret/);
    await expect(
      enqueueMail(db, { to: 'a@b.example', template: 'invitation', payload: { ...invitationPayload, studentName: 'X' } as never, secret: link(newToken()) }),
    ).rejects.toThrow();
  });
});

describe('delivery', () => {
  it('records a refused delivery, backs off, and delivers exactly once when the server is back', async () => {
    const { id } = await queueInvitation('ouder1@example.be');
    smtp.setMode('refuse');
    expect(await deliverDueMails(db, { transport, now: at(0) })).toEqual({ sent: 0, failed: 0, retried: 1 });
    const waiting = await row(id);
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1, lockedUntil: null });
    expect(waiting.lastError).toMatch(/421/);
    expect(waiting.lastError).not.toContain('uitnodiging');
    const delay = waiting.nextAttemptAt.getTime() - at(0).getTime();
    expect(delay).toBeGreaterThanOrEqual(24_000);
    expect(delay).toBeLessThanOrEqual(37_000);
    expect(waiting.payload.sealedLink).toMatch(/^v1\./);

    smtp.setMode('accept');
    expect(await deliverDueMails(db, { transport, now: at(20) })).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(await deliverDueMails(db, { transport, now: at(40) })).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(await deliverDueMails(db, { transport, now: at(4000) })).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(await capturedFor(id)).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it('gives up after MAIL_MAX_ATTEMPTS, erases the link, and retryMail re-queues it (with a new link)', async () => {
    const { id } = await queueInvitation('ouder2@example.be');
    const notice = await enqueueMail(db, {
      to: 'staf@example.be',
      template: 'invitation_accepted',
      payload: { acceptedByName: 'Jan Peeters', invitedEmail: 'jan@example.be', role: 'clb', contactsUrl: `${env().APP_URL}/dossiers/x/contacten` },
    });
    smtp.setMode('refuse');
    const max = env().MAIL_MAX_ATTEMPTS;
    let clock = 0;
    for (let attempt = 1; attempt <= max; attempt++) {
      const tally = await deliverDueMails(db, { transport, now: at(clock) });
      expect(tally).toEqual(attempt < max ? { sent: 0, failed: 0, retried: 2 } : { sent: 0, failed: 2, retried: 0 });
      clock += 2 * 3600;
    }
    const failed = await row(id);
    expect(failed).toMatchObject({ status: 'failed', attempts: max });
    expect(failed.lastError).toMatch(/421/);
    expect(failed.payload).not.toHaveProperty('sealedLink');
    expect(await deliverDueMails(db, { transport, now: at(clock) })).toEqual({ sent: 0, failed: 0, retried: 0 });

    smtp.setMode('accept');
    expect(await retryMail(db, id)).toBe(false);
    const second = link(newToken());
    expect(await retryMail(db, id, { secret: second, now: at(clock) })).toBe(true);
    expect(await retryMail(db, notice.id, { now: at(clock) })).toBe(true);
    expect(await row(id)).toMatchObject({ status: 'queued', attempts: 0, lastError: null });
    expect(await deliverDueMails(db, { transport, now: at(clock) })).toEqual({ sent: 2, failed: 0, retried: 0 });
    const [mail] = await capturedFor(id);
    expect(mail!.text).toContain(second);
    expect(await retryMail(db, id)).toBe(false);
  });

  it('reclaims a mail whose worker died while sending, and leaves a live lease alone', async () => {
    const crashed = await queueInvitation('ouder3@example.be');
    const busy = await queueInvitation('ouder4@example.be');
    await db.update(t.mailOutbox).set({ status: 'sending', attempts: 1, lockedUntil: at(-1) }).where(eq(t.mailOutbox.id, crashed.id));
    await db.update(t.mailOutbox).set({ status: 'sending', attempts: 1, lockedUntil: at(60) }).where(eq(t.mailOutbox.id, busy.id));

    expect(await deliverDueMails(db, { transport, now: at(0) })).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(await row(crashed.id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(await row(busy.id)).toMatchObject({ status: 'sending', attempts: 1 });
    expect(await capturedFor(busy.id)).toHaveLength(0);
    expect(await deliverDueMails(db, { transport, now: at(61) })).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(await capturedFor(crashed.id)).toHaveLength(1);
    expect(await capturedFor(busy.id)).toHaveLength(1);
  });

  it('lets a worker whose lease was taken over change nothing', async () => {
    const { id } = await queueInvitation('ouder5@example.be');
    let inner: Awaited<ReturnType<typeof deliverDueMails>> | undefined;
    const slow: MailTransport = {
      // This "send" outlasts the lease: meanwhile another worker reclaims the mail and sends it.
      sendMail: (async () => {
        inner = await deliverDueMails(db, { transport, now: new Date(at(0).getTime() + LEASE_MS + 60_000) });
        return {};
      }) as unknown as MailTransport['sendMail'],
    };
    await deliverDueMails(db, { transport: slow, now: at(0) });
    expect(inner).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(await capturedFor(id)).toHaveLength(1);
  });

  it('sends again after the server took DATA and dropped the line: at least once, same Message-ID', async () => {
    const { id } = await queueInvitation('ouder6@example.be');
    smtp.setMode('drop-after-data');
    expect(await deliverDueMails(db, { transport, now: at(0) })).toEqual({ sent: 0, failed: 0, retried: 1 });
    expect(await capturedFor(id)).toHaveLength(1);
    smtp.setMode('accept');
    expect(await deliverDueMails(db, { transport, now: at(60) })).toEqual({ sent: 1, failed: 0, retried: 0 });
    const copies = await capturedFor(id);
    expect(copies).toHaveLength(2);
    expect(copies[0]!.text).toBe(copies[1]!.text);
  });

  it('fails at once a mail it cannot render, without trying SMTP', async () => {
    const [bad] = await db
      .insert(t.mailOutbox)
      .values({ toAddress: 'x@example.be', template: 'invitation', payload: { ...invitationPayload, sealedLink: 'v1.AAAA.BBBB.CCCC' } })
      .returning();
    const [unknown] = await db
      .insert(t.mailOutbox)
      .values({ toAddress: 'x@example.be', template: 'newsletter', payload: {} })
      .returning();
    expect(await deliverDueMails(db, { transport, now: at(0) })).toEqual({ sent: 0, failed: 2, retried: 0 });
    expect(await row(bad!.id)).toMatchObject({ status: 'failed', attempts: 1, payload: invitationPayload });
    expect((await row(bad!.id)).lastError).toMatch(/^render: /);
    expect((await row(unknown!.id)).lastError).toBe('render: unknown template newsletter');
    expect(await capturedFor(bad!.id)).toHaveLength(0);
  });
});

/**
 * What the app's workers do on one tick: passes until nothing is due at `now`. Four at once,
 * as four app instances would (claims are exclusive), so the SMTP round trips overlap.
 */
async function drain(now: Date): Promise<DeliveryTally> {
  const worker = async () => {
    const total: DeliveryTally = { sent: 0, failed: 0, retried: 0 };
    for (;;) {
      const tally = await deliverDueMails(db, { transport, now, batch: 5 });
      if (tally.sent + tally.failed + tally.retried === 0) return total;
      total.sent += tally.sent;
      total.failed += tally.failed;
      total.retried += tally.retried;
    }
  };
  const tallies = await Promise.all(Array.from({ length: 4 }, worker));
  return tallies.reduce((a, b) => ({ sent: a.sent + b.sent, failed: a.failed + b.failed, retried: a.retried + b.retried }));
}

// Issue 6, point 3: a mail outage while staff send 50 invitations. The server refuses, then is
// gone, then comes back on the same port. Nobody resends: only the outbox's own passes run.
describe('a mail outage during 50 invitations', () => {
  it('stores all 50, shows them queued, and delivers each exactly once when the server is back', async () => {
    const org = await makeOrganisation(db);
    const { dossier } = await makeDossier(db, org);
    const port = smtp.port;
    const { viewer } = await makeStaff(db, { role: 'centre_staff', centreId: org.centre.id });
    const grant = await grantFor(db, viewer, dossier.id, 'contacts.manage');

    // The server answers 421 to every connection while the invitations are sent.
    smtp.setMode('refuse');
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        sendInvitation(db, grant, { role: 'parent', email: `ouder${i}@example.be` }),
      ),
    );
    expect(outcomes.every((o) => o.status === 'sent')).toBe(true);
    const mailIds = outcomes.map((o) => (o as { mailId: string }).mailId);
    expect(await drain(at(0))).toEqual({ sent: 0, failed: 0, retried: 50 });

    let listed = await listOpenInvitations(db, grant);
    expect(listed).toHaveLength(50);
    expect(listed.every((i) => i.delivery === 'queued')).toBe(true);
    const refused = await db.select().from(t.mailOutbox).where(inArray(t.mailOutbox.id, mailIds));
    expect(refused.every((m) => m.status === 'queued' && m.attempts === 1 && /421/.test(m.lastError ?? ''))).toBe(true);

    // Then the server is gone altogether: connections are refused by the operating system.
    await smtp.close();
    expect(await drain(at(3600))).toEqual({ sent: 0, failed: 0, retried: 50 });
    const down = await db.select().from(t.mailOutbox).where(inArray(t.mailOutbox.id, mailIds));
    expect(down.every((m) => m.status === 'queued' && m.attempts === 2 && /ECONNREFUSED/.test(m.lastError ?? ''))).toBe(true);
    expect((await listOpenInvitations(db, grant)).every((i) => i.delivery === 'queued')).toBe(true);

    // Back on the same address: the next passes deliver everything, once.
    smtp = await startSmtpCapture({ port });
    expect(await drain(at(7200))).toEqual({ sent: 50, failed: 0, retried: 0 });
    expect(await drain(at(9000))).toEqual({ sent: 0, failed: 0, retried: 0 });
    const received = await smtp.messages();
    expect(received).toHaveLength(50);
    for (const id of mailIds) expect(received.filter((m) => m.messageId === `<${id}@localhost>`)).toHaveLength(1);
    expect(received.map((m) => m.to[0]).sort()).toEqual(outcomes.map((o) => (o as { email: string }).email).sort());
    listed = await listOpenInvitations(db, grant);
    expect(listed.every((i) => i.delivery === 'sent')).toBe(true);
  });

  it('sends a mail whose "250" was lost at most once more, with the same Message-ID, and then never again', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { id } = await enqueueMail(db, {
        to: `leerkracht${i}@example.be`,
        template: 'invitation',
        payload: { inviterName: 'Sofie Janssens', organisationName: 'De Regenboog', role: 'teacher', expiresAt: '2030-02-01T12:00:00.000Z' },
        secret: `${env().APP_URL}/uitnodiging/${String(i).padStart(43, 'x')}`,
      });
      ids.push(id);
    }
    // The server stores each message, then drops the line before its answer.
    smtp.setMode('drop-after-data');
    expect(await drain(at(0))).toEqual({ sent: 0, failed: 0, retried: 3 });
    smtp.setMode('accept');
    for (const seconds of [100, 4000, 100_000]) await drain(at(seconds));
    const received = await smtp.messages();
    for (const id of ids) {
      const copies = received.filter((m) => m.messageId === `<${id}@localhost>`);
      expect(copies).toHaveLength(2);
      expect(copies[1]).toMatchObject({ to: copies[0]!.to, subject: copies[0]!.subject, text: copies[0]!.text, html: copies[0]!.html });
    }
    const rows = await db.select().from(t.mailOutbox).where(inArray(t.mailOutbox.id, ids));
    expect(rows.every((m) => m.status === 'sent' && m.attempts === 2)).toBe(true);
  });
});
