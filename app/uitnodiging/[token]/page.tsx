import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { signOutAction } from '@/app/actions/sign-out';
import { signInWithItsme } from '@/app/aanmelden/actions';
import { SupportContact } from '@/components/shell/site-footer';
import { ItsmeButton } from '@/components/ui/itsme-button';
import { Notice } from '@/components/ui/notice';
import { PageTitle } from '@/components/ui/page-title';
import { SubmitButton } from '@/components/ui/submit-button';
import { isStaff } from '@/lib/auth/scope';
import { getViewer, requestOrigin } from '@/lib/auth/viewer';
import { env } from '@/lib/config/env';
import { db } from '@/lib/db/client';
import { isStaffRole } from '@/lib/codes';
import { roleLabel } from '@/lib/i18n';
import { fill } from '@/lib/i18n/format';
import type { Messages } from '@/lib/i18n/locales';
import { getLocale, getMessages, hasChosenLocale } from '@/lib/i18n/request-locale';
import { SELF_CONFIRM_FIELD } from '@/lib/invites/accept-invitation';
import { findInvitationByToken } from '@/lib/invites/find-invitation-by-token';
import { findUsedInvitation } from '@/lib/invites/find-used-invitation';
import { limitTokenLookups } from '@/lib/invites/rate-limits';
import { recordStaffOpenedInvitation } from '@/lib/invites/record-staff-opened';
import { acceptInvitationAction } from './actions';
import { personName } from '@/lib/text/person-name';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).invitationPage.title, robots: { index: false } };
}

/**
 * The link in the mail, in the language staff chose for the invitee (until the invitee picks
 * another with the language links). Opening it changes nothing but a per-address lookup counter
 * (mail scanners open links) and, the first time, the language cookie. Acceptance is the
 * explicit POST of 'Uitnodiging aanvaarden'; a person with an organisation role opening a
 * dossier invitation is told it is meant for someone else and must tick a second step. Once
 * used, the link still leads the person who accepted it back to the dossier.
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
    const t = await getMessages();
    const p = t.invitationPage;
    return (
      <Section t={t} title={p.tooManyTitle}>
        <Notice tone="warning">{rate.allowed ? p.tooManyAccepts : p.tooManyBody}</Notice>
      </Section>
    );
  }
  const invitation = await findInvitationByToken(db(), token);
  if (invitation.valid && !(await hasChosenLocale()) && invitation.locale !== (await getLocale())) {
    // The invitee's language, once, through the language link: it is remembered from then on
    // and the whole page (<html lang> included) speaks it.
    redirect(`/taal/${invitation.locale}?terug=${encodeURIComponent(here)}`);
  }
  const t = await getMessages();
  const p = t.invitationPage;
  const viewer = await getViewer();
  if (!invitation.valid) {
    const used = await findUsedInvitation(db(), token, viewer?.user.id ?? null);
    if (used?.state === 'yours') redirect(used.next);
    if (used?.state === 'accepted') {
      return (
        <Section t={t} title={p.usedTitle}>
          <p>{p.usedSignedOut}</p>
          <SignInForm t={t} returnTo={here} />
          <NextTime t={t} />
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
      <Section t={t} title={used ? p.usedTitle : p.invalidTitle}>
        <Notice tone="warning">{body}</Notice>
        {viewer ? used?.state === 'someone_else' && <SignOutForm t={t} returnTo={here} /> : <SignInForm t={t} returnTo={here} />}
        <NextTime t={t} />
      </Section>
    );
  }
  // Warned: someone with an organisation role opening a dossier invitation (a staff invitation is theirs to take).
  const staff = viewer !== null && isStaff(viewer.memberships) && invitation.dossierId !== null;
  if (viewer && staff && invitation.dossierId) {
    await recordStaffOpenedInvitation(db(), {
      userId: viewer.user.id,
      invitationId: invitation.invitationId,
      dossierId: invitation.dossierId,
      origin: await requestOrigin(),
    });
  }
  const accept = acceptInvitationAction.bind(null, token);
  return (
    <Section t={t} title={staff ? p.staffTitle : p.title}>
      {staff && viewer && (
        <Notice tone="warning">
          <p data-testid="meant-for-someone-else">{fill(p.staffBody, { name: personName(viewer.user) })}</p>
        </Notice>
      )}
      {afgemeld !== undefined && !viewer && (
        <Notice tone="success" live>
          {p.signedOut}
        </Notice>
      )}
      <p className="text-lg" data-testid="invitation-summary">
        {fill(invitation.inviterName === null ? p.invitedByInstallation : invitation.unitName ? p.invitedByStaff : p.invitedBy, {
          inviter: invitation.inviterName ?? '',
          organisation: invitation.organisationName,
          role: roleLabel(invitation.role, t),
          unit: invitation.unitName ?? '',
        })}
      </p>
      {!staff && <p>{isStaffRole(invitation.role) ? fill(p.explainItsmeStaff, { role: roleLabel(invitation.role, t) }) : p.explainItsme}</p>}
      {viewer ? (
        <div className="grid gap-4">
          <p>{fill(p.signedInAs, { name: personName(viewer.user) })}</p>
          {fout === 'bevestig' && (
            <Notice tone="error" live>
              {p.staffNeedsConfirm}
            </Notice>
          )}
          <form action={accept} className="grid gap-3">
            {staff && (
              <label className="flex items-start gap-3">
                <input type="checkbox" name={SELF_CONFIRM_FIELD} value="ja" required className="mt-1 size-5 shrink-0" />
                <span>{p.staffConfirm}</span>
              </label>
            )}
            <SubmitButton
              label={staff ? p.staffAccept : p.accept}
              busyLabel={p.accepting}
              className={
                staff
                  ? 'min-h-12 w-full rounded-lg border-2 border-brand-700 bg-white px-5 py-3 text-lg font-bold text-brand-700 hover:bg-brand-50 disabled:opacity-90 sm:w-auto'
                  : 'min-h-12 w-full rounded-lg bg-brand-700 px-5 py-3 text-lg font-bold text-white hover:bg-brand-800 disabled:opacity-90 sm:w-auto'
              }
            />
          </form>
          <SignOutForm t={t} returnTo={here} />
        </div>
      ) : (
        <SignInForm t={t} returnTo={here} />
      )}
      <NextTime t={t} />
    </Section>
  );
}

function SignInForm({ t, returnTo }: { t: Messages; returnTo: string }) {
  return (
    <form action={signInWithItsme}>
      <input type="hidden" name="terug" value={returnTo} />
      <ItsmeButton label={t.invitationPage.signIn} />
    </form>
  );
}

/** 'Ben jij dit niet? Meld je dan eerst af': back to this invitation, signed out. */
function SignOutForm({ t, returnTo }: { t: Messages; returnTo: string }) {
  return (
    <form action={signOutAction} className="text-sm">
      <input type="hidden" name="terug" value={returnTo} />
      <span>{t.invitationPage.notYou} </span>
      <button type="submit" className="min-h-11 font-medium text-brand-700 underline">
        {t.app.signOut}
      </button>
    </form>
  );
}

/** Where to log in next time: the link is not the way in after it has been used. */
function NextTime({ t }: { t: Messages }) {
  const url = env().APP_URL;
  return <p data-testid="next-time">{fill(t.invitationPage.nextTime, { url })}</p>;
}

function Section({ t, title, children }: { t: Messages; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby="uitnodiging-titel" className="mx-auto grid max-w-xl gap-4">
      <PageTitle id="uitnodiging-titel">{title}</PageTitle>
      {children}
      <p className="text-sm">
        {t.invitationPage.help} <SupportContact m={t} />.
      </p>
    </section>
  );
}
