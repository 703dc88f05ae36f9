import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SupportContact } from '@/components/shell/site-footer';
import { ItsmeButton } from '@/components/ui/itsme-button';
import { Notice } from '@/components/ui/notice';
import { PageTitle } from '@/components/ui/page-title';
import { safeReturnPath } from '@/lib/auth/safe-return';
import { getMessages } from '@/lib/i18n/request-locale';
import { signInWithItsme } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).signIn.title };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  // Auth.js sends a login that came back from itsme without success (cancelled, refused) here.
  if (typeof params.error === 'string') redirect(`/aanmelden/fout?error=${encodeURIComponent(params.error.slice(0, 40))}`);
  const returnTo = safeReturnPath(params.terug);
  const t = await getMessages();
  return (
    <section aria-labelledby="aanmelden-titel" className="mx-auto max-w-xl">
      <PageTitle id="aanmelden-titel">{t.signIn.title}</PageTitle>
      {params.verlopen !== undefined && params.afgemeld === undefined && (
        <div className="mb-4">
          <Notice tone="warning" live>
            {t.signIn.sessionEnded}
          </Notice>
        </div>
      )}
      {params.afgemeld !== undefined && (
        <div className="mb-4">
          <Notice tone="success" live>
            {t.signIn.signedOut}
          </Notice>
        </div>
      )}
      <p className="mb-6">{t.signIn.intro}</p>
      <form action={signInWithItsme}>
        <input type="hidden" name="terug" value={returnTo} />
        <ItsmeButton label={t.signIn.button} />
      </form>
      <h2 className="mt-8 text-lg font-semibold">{t.signIn.firstTimeTitle}</h2>
      <p className="mt-2">{t.signIn.firstTime}</p>
      <p className="mt-6 text-sm">
        {t.signIn.help} <SupportContact m={t} />.
      </p>
    </section>
  );
}
