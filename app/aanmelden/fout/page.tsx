import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { SupportContact } from '@/components/shell/site-footer';
import { Notice } from '@/components/ui/notice';
import { PageTitle } from '@/components/ui/page-title';
import { SubmitButton } from '@/components/ui/submit-button';
import { returnCookieName } from '@/lib/auth/cookies';
import { safeReturnPath } from '@/lib/auth/safe-return';
import type { Messages } from '@/lib/i18n/locales';
import { getMessages } from '@/lib/i18n/request-locale';
import { signInWithItsme } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).signInError.title };
}

/**
 * Auth.js sends failed logins here with ?error=<type>; the person gets their language and a way back:
 * 'Opnieuw aanmelden' starts itsme again towards where the login began (an invitation survives).
 */
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
  const returnTo = safeReturnPath((await cookies()).get(returnCookieName())?.value);
  const t = await getMessages();
  return (
    <section aria-labelledby="fout-titel" className="mx-auto max-w-xl">
      <PageTitle id="fout-titel">{t.signInError.title}</PageTitle>
      <Notice tone="error">
        <p>{reason(t, typeof error === 'string' ? error : undefined)}</p>
      </Notice>
      <form action={signInWithItsme} className="mt-6 grid gap-2">
        <input type="hidden" name="terug" value={returnTo} />
        <SubmitButton
          label={t.signInError.retry}
          busyLabel={t.signIn.redirecting}
          className="inline-flex min-h-11 w-full items-center justify-center rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 sm:w-auto"
        />
        {returnTo.startsWith('/uitnodiging/') && <p className="text-sm">{t.signInError.backToInvitation}</p>}
      </form>
      <p className="mt-6 text-sm">
        {t.signIn.help} <SupportContact m={t} />.
      </p>
    </section>
  );
}
