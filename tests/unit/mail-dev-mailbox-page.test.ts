import { randomUUID } from 'node:crypto';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { linksIn, storeDevMail } from '@/lib/mail/dev-mailbox';
import { productionEnvironment } from '../support/production-env';

vi.mock('next/server', () => ({ connection: async () => {} }));

const { default: MailboxPage } = await import('@/app/dev/mailbox/page');
const { default: MailPage } = await import('@/app/dev/mailbox/[id]/page');

const link = 'http://localhost:3000/uitnodiging/abc?x=1&y=2';

const { enterProduction } = productionEnvironment();

describe('/dev/mailbox', () => {
  it('lists the message and shows it sandboxed, with its text and its links', async () => {
    const to = `${randomUUID().slice(0, 8)}@example.be`;
    const mail = storeDevMail({
      from: 'Diplon <no-reply@diplon.example>',
      to,
      subject: 'De Regenboog: uitnodiging voor een dossier in Diplon',
      html: `<p>Hallo</p><a href="${link.replace('&', '&amp;')}">Bekijk</a><script>alert(1)</script>`,
      text: `Hallo\n${link}\nZie ook https://itsme-id.com/nl-BE.`,
    });
    const list = renderToStaticMarkup(await MailboxPage());
    expect(list).toContain(`href="/dev/mailbox/${mail.id}"`);
    expect(list).toContain(to);

    const detail = renderToStaticMarkup(await MailPage({ params: Promise.resolve({ id: mail.id }) }));
    expect(detail).toMatch(/<iframe[^>]*sandbox=""/);
    expect(detail).toContain('srcDoc="&lt;p&gt;Hallo&lt;/p&gt;');
    expect(detail).not.toContain('<script>');
    expect(detail).toContain('Tekstversie');
    expect(detail).toContain(`href="${link.replace('&', '&amp;')}"`);
    expect(linksIn(mail)).toEqual([link, 'https://itsme-id.com/nl-BE.']);
  });

  it('does not exist in production, nor does a message that is not there', async () => {
    await expect(MailPage({ params: Promise.resolve({ id: '../../etc/passwd' }) })).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
    enterProduction();
    await expect(MailboxPage()).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
  });
});
