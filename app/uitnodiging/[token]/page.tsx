import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { signOutAction } from '@/app/actions/sign-out';
import { signInWithItsme } from '@/app/aanmelden/actions';
import { SupportContact } from '@/components/shell/site-footer';
import { ItsmeButton } from '@/components/ui/itsme-button';
import { Notice } from '@/components/ui/notice';
import { PageTitle } from '@/components/ui/page-title';
import { isStaff } from '@/lib/auth/scope';
import { getViewer, requestOrigin } from '@/lib/auth/viewer';
import { db } from '@/lib/db/client';
import { isStaffRole } from '@/lib/codes';
import { roleLabel } from '@/lib/i18n';
import { fill } from '@/lib/i18n/format';
import type { Messages } from '@/lib/i18n/locales';
import { getLocale, getMessages, hasChosenLocale } from '@/lib/i18n/request-locale';
import { SELF_CONFIRM_FIELD } from '@/lib/invites/accept-invitation';
import { findInvitationByToken } from '@/lib/invites/find-invitation-by-token';
import { limitTokenLookups } from '@/lib/invites/rate-limits';
import { recordStaffOpenedInvitation } from '@/lib/invites/record-staff-opened';
import { acceptInvitationAction } from './actions';
import { personName } from '@/lib/text/person-name';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).invitationPage.title, referrer: 'no-referrer', robots: { index: false } };
}

const primary = 'min-h-12 w-full rounded-lg bg-brand-700 px-5 py-3 text-lg font-bold text-white hover:bg-brand-800 sm:w-auto';
const secondary = 'min-h-12 w-full rounded-lg border-2 border-brand-700 bg-white px-5 py-3 text-lg font-bold text-brand-700 hover:bg-brand-50 sm:w-auto';

/**
 * The link in the mail, in the language staff chose for the invitee (until the invitee picks
 * another with the language links). Opening it changes nothing but a per-address lookup counter
 * (mail scanners open links) and, the first time, the language cookie. Acceptance is the
 * explicit POST of 'Uitnodiging aanvaarden'; a person with an organisation role is told the
 * invitation is meant for someone else and must tick a second step.
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
  const rate = await limitTokenLookups(db(), await requestOrigin());
  if (!rate.allowed) {
    const t = await getMessages();
    return (
      <Section t={t} title={t.invitationPage.tooManyTitle}>
        <Notice tone="warning">{t.invitationPage.tooManyBody}</Notice>
      </Section>
    );
  }
  const invitation = await findInvitationByToken(db(), token);
  if (invitation.valid && !(await hasChosenLocale()) && invitation.locale !== (await getLocale())) {
    // The invitee's language, once, through the language link: it is remembered from then on
    // and the whole page (<html lang> included) speaks it.
    redirect(`/taal/${invitation.locale}?terug=${encodeURIComponent(`/uitnodiging/${token}`)}`);
  }
  const t = await getMessages();
  const p = t.invitationPage;
  if (!invitation.valid) {
    return (
      <Section t={t} title={p.invalidTitle}>
        <Notice tone="warning">{fout ? p.acceptFailed : p.invalidBody}</Notice>
      </Section>
    );
  }
  const viewer = await getViewer();
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
  const viewerName = viewer ? personName(viewer.user) : '';
  return (
    <Section t={t} title={staff ? p.staffTitle : p.title}>
      {staff && (
        <Notice tone="warning">
          <p data-testid="meant-for-someone-else">{fill(p.staffBody, { name: viewerName })}</p>
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
          <p>{fill(p.signedInAs, { name: viewerName })}</p>
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
            <button type="submit" className={staff ? secondary : primary}>
              {staff ? p.staffAccept : p.accept}
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
