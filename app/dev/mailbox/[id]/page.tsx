import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { env } from '@/lib/config/env';
import { formatDateTime, t } from '@/lib/i18n';
import { readDevMail } from '@/lib/mail/dev-mailbox';

export const metadata: Metadata = { title: t.mailbox.title, referrer: 'no-referrer' };

export default async function DevMailPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  if (env().APP_ENV === 'production') notFound();
  const mail = readDevMail((await params).id);
  if (!mail) notFound();
  const links = [...new Set(mail.text.match(/https?:\/\/[^\s)\]]+/g) ?? [])];
  return (
    <article aria-labelledby="mail-titel" className="grid gap-4">
      <p>
        <Link href="/dev/mailbox" className="text-brand-700 underline">
          {t.mailbox.back}
        </Link>
      </p>
      <h1 id="mail-titel" className="text-2xl font-bold">
        {mail.subject}
      </h1>
      <p className="text-sm">
        {t.mailbox.to}: {mail.to} · {formatDateTime(mail.date)}
      </p>
      {links.length > 0 && (
        <section aria-labelledby="links-titel">
          <h2 id="links-titel" className="font-semibold">
            {t.mailbox.links}
          </h2>
          <ul>
            {links.map((href) => (
              <li key={href}>
                <a href={href} className="break-all text-brand-700 underline">
                  {href}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="html-titel">
        <h2 id="html-titel" className="mb-2 font-semibold">
          {t.mailbox.htmlVersion}
        </h2>
        <iframe title={mail.subject} srcDoc={mail.html} sandbox="" className="h-[32rem] w-full rounded-md border border-slate-300 bg-white" />
      </section>
      <section aria-labelledby="tekst-titel">
        <h2 id="tekst-titel" className="mb-2 font-semibold">
          {t.mailbox.textVersion}
        </h2>
        <pre className="overflow-x-auto whitespace-pre-wrap rounded-md bg-white p-3 text-sm">{mail.text}</pre>
      </section>
    </article>
  );
}
