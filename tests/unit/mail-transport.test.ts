import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { resetEnvCache } from '@/lib/config/env';
import { listDevMails, readDevMail, storeDevMail } from '@/lib/mail/dev-mailbox';
import { mailTransport } from '@/lib/mail/transport';

const saved = { APP_ENV: process.env.APP_ENV, SMTP_URL: process.env.SMTP_URL };

afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetEnvCache();
});

describe('mailTransport without SMTP_URL', () => {
  it('keeps each message as a file of the development mailbox', async () => {
    delete process.env.SMTP_URL;
    resetEnvCache();
    const to = `ouder-${randomUUID().slice(0, 8)}@example.be`;
    const info = await mailTransport().sendMail({ to, subject: 'Proef', html: '<p>Hallo</p>', text: 'Hallo', messageId: '<x@localhost>' });
    expect(info.messageId).toBe('<x@localhost>');
    const stored = listDevMails().find((m) => m.to === to);
    expect(stored).toMatchObject({ to, subject: 'Proef', html: '<p>Hallo</p>', text: 'Hallo', from: 'Diplon <no-reply@diplon.example>' });
    expect(Date.parse(stored!.date)).toBeGreaterThan(Date.now() - 60_000);
    expect(readDevMail(stored!.id)).toEqual(stored);
  });

  it('is refused in production', () => {
    process.env.APP_ENV = 'production';
    process.env.SMTP_URL = '';
    resetEnvCache();
    expect(() => mailTransport()).toThrow(/SMTP_URL/);
  });
});

describe('development mailbox', () => {
  it('lists newest first and reads nothing outside its folder', () => {
    const tag = randomUUID().slice(0, 8);
    const older = storeDevMail({ from: 'a', to: `${tag}@x.be`, subject: 'oud', html: '', text: '' }, new Date(Date.now() - 1000));
    const newer = storeDevMail({ from: 'a', to: `${tag}@x.be`, subject: 'nieuw', html: '', text: '' });
    const mine = listDevMails().filter((m) => m.to === `${tag}@x.be`);
    expect(mine.map((m) => m.id)).toEqual([newer.id, older.id]);
    expect(readDevMail('../auth-secret')).toBeNull();
    expect(readDevMail(`${older.id}/../../x`)).toBeNull();
  });
});
