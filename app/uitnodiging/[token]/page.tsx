import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { signOutAction } from '@/app/actions/sign-out';
import { signInWithItsme } from '@/app/aanmelden/actions';
import { SupportContact } from '@/components/shell/site-footer';
import { ItsmeButton } from '@/components/ui/itsme-button';
import { Notice } from '@/components/ui/notice';
import { PageTitle } from '@/components/ui/page-title';
import { SubmitButton } from '@/components/ui/submit-button';
import { getViewer, requestOrigin } from '@/lib/auth/viewer';
import { env } from '@/lib/config/env';
import { db } from '@/lib/db/client';
import { isStaffRole } from '@/lib/codes';
import { roleLabel, t } from '@/lib/i18n';
import { fill } from '@/lib/i18n/format';
import { findInvitationByToken } from '@/lib/invites/find-invitation-by-token';
import { findUsedInvitation } from '@/lib/invites/find-used-invitation';
import { limitTokenLookups } from '@/lib/invites/rate-limits';
import { acceptInvitationAction } from './actions';
import { personName } from '@/lib/text/person-name';

export const metadata: Metadata = { title: t.invitationPage.title, robots: { index: false } };

const p = t.invitationPage;

/**
 * The link in the mail. Opening it changes nothing but a per-address lookup counter: mail
 * scanners open links. Acceptance is the explicit POST of 'Uitnodiging aanvaarden'. Once used,
 * the link still leads the person who accepted it back to the dossier.
 */
export default async function InvitationPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ fout?: string; afgemeld?: string }>;
}) {
  const { token } = await params;
  const { fout, afgemeld } = await searchParams;
  const here = `/uitnodiging/${token}`;
  const rate = await limitTokenLookups(db(), await requestOrigin());
  if (!rate.allowed || fout === 'te-veel') {
    return (
      <Section title={p.tooManyTitle}>
        <Notice tone="warning">{rate.allowed ? p.tooManyAccepts : p.tooManyBody}</Notice>
      </Section>
    );
  }
  const invitation = await findInvitationByToken(db(), token);
  const viewer = await getViewer();
  if (!invitation.valid) {
    const used = await findUsedInvitation(db(), token, viewer?.user.id ?? null);
    if (used?.state === 'yours') redirect(used.next);
    if (used?.state === 'accepted') {
      return (
        <Section title={p.usedTitle}>
          <p>{p.usedSignedOut}</p>
          <SignInForm returnTo={here} />
          <NextTime />
        </Section>
      );
    }
    const body =
      used?.state === 'yours_revoked'
        ? p.usedNoAccess
        : used?.state === 'someone_else' && viewer
          ? fill(p.usedByOther, { name: personName(viewer.user) })
          : fout
            ? p.acceptFailed
            : p.invalidBody;
    return (
      <Section title={used ? p.usedTitle : p.invalidTitle}>
        <Notice tone="warning">{body}</Notice>
        {viewer ? used?.state === 'someone_else' && <SignOutForm returnTo={here} /> : <SignInForm returnTo={here} />}
        <NextTime />
      </Section>
    );
  }
  const accept = acceptInvitationAction.bind(null, token);
  return (
    <Section title={p.title}>
      {afgemeld !== undefined && !viewer && (
        <Notice tone="success" live>
          {p.signedOut}
        </Notice>
      )}
      <p className="text-lg" data-testid="invitation-summary">
        {fill(invitation.inviterName === null ? p.invitedByInstallation : invitation.unitName ? p.invitedByStaff : p.invitedBy, {
          inviter: invitation.inviterName ?? '',
          organisation: invitation.organisationName,
          role: roleLabel(invitation.role),
          unit: invitation.unitName ?? '',
        })}
      </p>
      <p>{isStaffRole(invitation.role) ? fill(p.explainItsmeStaff, { role: roleLabel(invitation.role) }) : p.explainItsme}</p>
      {viewer ? (
        <div className="grid gap-4">
          <p>{fill(p.signedInAs, { name: personName(viewer.user) })}</p>
          <form action={accept}>
            <SubmitButton
              label={p.accept}
              busyLabel={p.accepting}
              className="min-h-12 w-full rounded-lg bg-brand-700 px-5 py-3 text-lg font-bold text-white hover:bg-brand-800 disabled:opacity-90 sm:w-auto"
            />
          </form>
          <SignOutForm returnTo={here} />
        </div>
      ) : (
        <SignInForm returnTo={here} />
      )}
      <NextTime />
    </Section>
  );
}

function SignInForm({ returnTo }: { returnTo: string }) {
  return (
    <form action={signInWithItsme}>
      <input type="hidden" name="terug" value={returnTo} />
      <ItsmeButton label={p.signIn} />
    </form>
  );
}

/** 'Ben jij dit niet? Meld je dan eerst af': back to this invitation, signed out. */
function SignOutForm({ returnTo }: { returnTo: string }) {
  return (
    <form action={signOutAction} className="text-sm">
      <input type="hidden" name="terug" value={returnTo} />
      <span>{p.notYou} </span>
      <button type="submit" className="min-h-11 font-medium text-brand-700 underline">
        {t.app.signOut}
      </button>
    </form>
  );
}

/** Where to log in next time: the link is not the way in after it has been used. */
function NextTime() {
  const url = env().APP_URL;
  return <p data-testid="next-time">{fill(p.nextTime, { url })}</p>;
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
