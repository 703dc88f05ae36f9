import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { PageTitle } from '@/components/ui/page-title';
import { env } from '@/lib/config/env';
import { formatDateTime, t } from '@/lib/i18n';
import { listDevMails } from '@/lib/mail/dev-mailbox';

export const metadata: Metadata = { title: t.mailbox.title };

/** Development only: the mails the app "sent" without SMTP. */
export default async function DevMailboxPage() {
  await connection();
  if (env().APP_ENV === 'production') notFound();
  const mails = listDevMails();
  return (
    <section aria-labelledby="mailbox-titel">
      <PageTitle id="mailbox-titel">{t.mailbox.title}</PageTitle>
      <p className="mb-4">{t.mailbox.intro}</p>
      {mails.length === 0 ? (
        <p>{t.mailbox.empty}</p>
      ) : (
        <ul className="grid gap-2">
          {mails.map((m) => (
            <li key={m.id}>
              <Link href={`/dev/mailbox/${m.id}`} className="block rounded-md bg-white p-3 shadow-sm hover:bg-brand-50">
                <span className="block font-semibold text-brand-700 underline">{m.subject}</span>
                <span className="block text-sm">
                  {t.mailbox.to}: {m.to} · {formatDateTime(m.date)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
