import type { Metadata } from 'next';
import Link from 'next/link';
import { SupportContact } from '@/components/shell/site-footer';
import { Notice } from '@/components/ui/notice';
import { PageTitle } from '@/components/ui/page-title';
import type { Messages } from '@/lib/i18n/locales';
import { getMessages } from '@/lib/i18n/request-locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).signInError.title };
}

/** Auth.js sends failed logins here with ?error=<type>; the person gets their language and a way back. */
function reason(t: Messages, error: string | undefined): string {
  switch (error) {
    case 'AccessDenied':
    case 'OAuthCallbackError':
      return t.signInError.cancelled;
    case 'Verification':
      return t.signInError.expired;
    default:
      return t.signInError.generic;
  }
}

export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<{ error?: string | string[] }> }) {
  const { error } = await searchParams;
  const t = await getMessages();
  return (
    <section aria-labelledby="fout-titel" className="mx-auto max-w-xl">
      <PageTitle id="fout-titel">{t.signInError.title}</PageTitle>
      <Notice tone="error">
        <p>{reason(t, typeof error === 'string' ? error : undefined)}</p>
      </Notice>
      <p className="mt-6">
        <Link href="/aanmelden" className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t.signInError.retry}
        </Link>
      </p>
      <p className="mt-6 text-sm">
        {t.signIn.help} <SupportContact m={t} />.
      </p>
    </section>
  );
}
