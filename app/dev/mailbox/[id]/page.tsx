import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { env } from '@/lib/config/env';
import { formatDateTime, t } from '@/lib/i18n';
import { linksIn, readDevMail } from '@/lib/mail/dev-mailbox';

// The messages hold invitation links: they must not leak through a Referer.
export const metadata: Metadata = { title: t.mailbox.title };

/** Development only: one captured message, as HTML (sandboxed, no scripts), text and links. */
export default async function DevMailPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  if (env().APP_ENV === 'production') notFound();
  const mail = readDevMail((await params).id);
  if (!mail) notFound();
  const links = linksIn(mail);
  const m = t.mailbox;
  return (
    <article aria-labelledby="mail-titel" className="grid min-w-0 gap-5">
      <p>
        <Link href="/dev/mailbox" className="text-brand-700 underline">
          {m.back}
        </Link>
      </p>
      <h1 id="mail-titel" className="text-2xl font-bold tracking-tight break-words sm:text-3xl">
        {mail.subject}
      </h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="font-semibold">{m.from}</dt>
        <dd className="break-all">{mail.from}</dd>
        <dt className="font-semibold">{m.to}</dt>
        <dd className="break-all">{mail.to}</dd>
        <dt className="font-semibold">{m.date}</dt>
        <dd>
          <time dateTime={mail.date}>{formatDateTime(mail.date)}</time>
        </dd>
      </dl>
      <section aria-labelledby="links-titel">
        <h2 id="links-titel" className="mb-2 text-lg font-semibold">
          {m.links}
        </h2>
        {links.length === 0 ? (
          <p>{m.noLinks}</p>
        ) : (
          <ul className="grid gap-1">
            {links.map((href) => (
              <li key={href}>
                <a href={href} rel="noreferrer" className="break-all text-brand-700 underline">
                  {href}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="html-titel">
        <h2 id="html-titel" className="mb-2 text-lg font-semibold">
          {m.htmlVersion}
        </h2>
        <iframe
          title={m.htmlFrameTitle}
          srcDoc={mail.html}
          sandbox=""
          className="h-[36rem] w-full rounded-md border border-slate-300 bg-white"
        />
      </section>
      <section aria-labelledby="tekst-titel">
        <h2 id="tekst-titel" className="mb-2 text-lg font-semibold">
          {m.textVersion}
        </h2>
        <pre className="overflow-x-auto rounded-md border border-slate-300 bg-white p-3 text-sm break-words whitespace-pre-wrap">
          {mail.text}
        </pre>
      </section>
    </article>
  );
}
