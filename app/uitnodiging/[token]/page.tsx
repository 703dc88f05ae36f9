import type { Metadata } from 'next';
import { signOutAction } from '@/app/actions/sign-out';
import { signInWithItsme } from '@/app/aanmelden/actions';
import { SupportContact } from '@/components/shell/site-footer';
import { ItsmeButton } from '@/components/ui/itsme-button';
import { Notice } from '@/components/ui/notice';
import { PageTitle } from '@/components/ui/page-title';
import { getViewer, requestOrigin } from '@/lib/auth/viewer';
import { db } from '@/lib/db/client';
import { t } from '@/lib/i18n';
import { fill } from '@/lib/i18n/format';
import { findInvitationByToken } from '@/lib/invites/find-invitation-by-token';
import { limitTokenLookups } from '@/lib/invites/rate-limits';
import { acceptInvitationAction } from './actions';

export const metadata: Metadata = { title: t.invitationPage.title, robots: { index: false } };

/**
 * The link in the mail. Opening it changes nothing but a per-address lookup counter: mail
 * scanners open links. Acceptance is the explicit POST of 'Uitnodiging aanvaarden'.
 */
export default async function InvitationPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ fout?: string }>;
}) {
  const { token } = await params;
  const { fout } = await searchParams;
  const p = t.invitationPage;
  const rate = await limitTokenLookups(db(), await requestOrigin());
  if (!rate.allowed) {
    return (
      <Section title={p.tooManyTitle}>
        <Notice tone="warning">{p.tooManyBody}</Notice>
      </Section>
    );
  }
  const invitation = await findInvitationByToken(db(), token);
  if (!invitation.valid) {
    return (
      <Section title={p.invalidTitle}>
        <Notice tone="warning">{fout ? p.acceptFailed : p.invalidBody}</Notice>
      </Section>
    );
  }
  const viewer = await getViewer();
  const accept = acceptInvitationAction.bind(null, token);
  return (
    <Section title={p.title}>
      <p className="text-lg" data-testid="invitation-summary">
        {fill(p.invitedBy, {
          inviter: invitation.inviterName,
          organisation: invitation.organisationName,
          role: t.roles.contact[invitation.role],
        })}
      </p>
      <p>{p.explainItsme}</p>
      {viewer ? (
        <div className="grid gap-4">
          <p>{fill(p.signedInAs, { name: `${viewer.user.givenName} ${viewer.user.familyName}` })}</p>
          <form action={accept}>
            <button type="submit" className="min-h-12 w-full rounded-lg bg-brand-700 px-5 py-3 text-lg font-bold text-white hover:bg-brand-800 sm:w-auto">
              {p.accept}
            </button>
          </form>
          <form action={signOutAction} className="text-sm">
            <span>{p.notYou} </span>
            <button type="submit" className="font-medium text-brand-700 underline">
              {t.app.signOut}
            </button>
          </form>
        </div>
      ) : (
        <form action={signInWithItsme}>
          <input type="hidden" name="terug" value={`/uitnodiging/${token}`} />
          <ItsmeButton label={p.signIn} />
        </form>
      )}
    </Section>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby="uitnodiging-titel" className="mx-auto grid max-w-xl gap-4">
      <PageTitle id="uitnodiging-titel">{title}</PageTitle>
      {children}
      <p className="text-sm">
        {t.invitationPage.help} <SupportContact />.
      </p>
    </section>
  );
}
