import { redirect } from 'next/navigation';
import { isStaff } from '@/lib/auth/scope';
import { SupportContact } from '@/components/shell/site-footer';
import { Notice } from '@/components/ui/notice';
import { PageTitle } from '@/components/ui/page-title';
import { requireViewer } from '@/lib/auth/viewer';
import { getMessages } from '@/lib/i18n/request-locale';

/**
 * Home: staff go to 'Beheer aanvragen', invitees to 'Mijn dossiers'; anyone else (a newcomer, or
 * a parent whose access was revoked) learns why there is nothing and whom to ask — not to open a
 * mail link that no longer works.
 */
export default async function HomePage() {
  const viewer = await requireViewer('/');
  if (isStaff(viewer.memberships)) redirect('/aanvragen');
  if (viewer.hasDossiers) redirect('/mijn-dossiers');
  const t = await getMessages();
  return (
    <section aria-labelledby="geen-toegang" className="max-w-2xl">
      <PageTitle id="geen-toegang">{t.home.noAccessTitle}</PageTitle>
      <Notice>
        <p>{t.home.noAccessBody}</p>
      </Notice>
      <p className="mt-4">{t.home.noAccessRevoked}</p>
      <p className="mt-4">{t.home.noAccessInvitation}</p>
      <p className="mt-4" data-testid="no-access-recreated">
        {t.home.noAccessRecreated}
      </p>
      <p className="mt-4" data-testid="no-access-help">
        {t.home.noAccessHelp} <SupportContact m={t} />.
      </p>
    </section>
  );
}
