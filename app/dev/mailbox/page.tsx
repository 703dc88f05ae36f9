import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { PageTitle } from '@/components/ui/page-title';
import { env } from '@/lib/config/env';
import { formatDateTime, t } from '@/lib/i18n';
import { fill } from '@/lib/i18n/format';
import { listDevMails } from '@/lib/mail/dev-mailbox';

export const metadata: Metadata = { title: t.mailbox.title };

/** Development only: the mails the app "sent" without SMTP, newest first. */
export default async function DevMailboxPage() {
  await connection();
  if (env().APP_ENV === 'production') notFound();
  const mails = listDevMails();
  const m = t.mailbox;
  return (
    <section aria-labelledby="mailbox-titel" className="grid gap-4">
      <div>
        <PageTitle id="mailbox-titel">{m.title}</PageTitle>
        <p>{m.intro}</p>
      </div>
      {mails.length === 0 ? (
        <p>{m.empty}</p>
      ) : (
        <>
          <p className="text-sm text-slate-700">{mails.length === 1 ? m.countOne : fill(m.count, { count: mails.length })}</p>
          <ul className="grid gap-2">
            {mails.map((mail) => (
              <li key={mail.id}>
                <Link
                  href={`/dev/mailbox/${mail.id}`}
                  className="grid min-h-11 gap-1 rounded-md bg-white p-3 shadow-sm hover:bg-brand-50"
                >
                  <span className="font-semibold break-words text-brand-700 underline">
                    <span className="sr-only">{m.subject}: </span>
                    {mail.subject}
                  </span>
                  <span className="text-sm break-all">
                    {m.to}: {mail.to}
                  </span>
                  <span className="text-sm">
                    <span className="sr-only">{m.date}: </span>
                    <time dateTime={mail.date}>{formatDateTime(mail.date)}</time>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
