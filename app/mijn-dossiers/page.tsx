import type { Metadata } from 'next';
import Link from 'next/link';
import { Notice } from '@/components/ui/notice';
import { PageTitle } from '@/components/ui/page-title';
import { requireViewer } from '@/lib/auth/viewer';
import { db } from '@/lib/db/client';
import { listMyDossiers } from '@/lib/dossiers/list-my-dossiers';
import { formatDate, localeOf } from '@/lib/i18n';
import { fill } from '@/lib/i18n/format';
import { getMessages } from '@/lib/i18n/request-locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).myDossiers.title };
}

/** 'Mijn dossiers', in the reader's language; an accepted invitation awaiting confirmation shows no student data. */
export default async function MyDossiersPage({ searchParams }: { searchParams: Promise<{ bevestiging?: string }> }) {
  const viewer = await requireViewer('/mijn-dossiers');
  const { bevestiging } = await searchParams;
  const t = await getMessages();
  const locale = localeOf(t);
  const { dossiers: rows, awaitingConfirmation } = await listMyDossiers(db(), viewer.user.id);
  return (
    <section aria-labelledby="mijn-dossiers-titel">
      <PageTitle id="mijn-dossiers-titel">{t.myDossiers.title}</PageTitle>
      {bevestiging !== undefined && awaitingConfirmation.length > 0 && (
        <div className="mb-4">
          <Notice tone="success" live>
            {t.myDossiers.acceptedPending}
          </Notice>
        </div>
      )}
      {awaitingConfirmation.length > 0 && (
        <section aria-labelledby="wacht-op-bevestiging" className="mb-6 rounded-lg bg-white p-4 shadow-sm" data-testid="awaiting-confirmation">
          <h2 id="wacht-op-bevestiging" className="mb-2 text-lg font-semibold">
            {t.myDossiers.pendingTitle}
          </h2>
          <ul className="grid gap-2">
            {awaitingConfirmation.map((p, i) => (
              <li key={i}>
                {fill(t.myDossiers.pendingBody, { organisation: p.centreName, role: t.roles.contact[p.role] })}{' '}
                <span className="text-sm text-slate-700">({formatDate(p.acceptedAt, locale)})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="mb-4">{t.myDossiers.intro}</p>
      {rows.length === 0 ? (
        <p className="rounded-lg bg-white p-6 shadow-sm">{t.myDossiers.empty}</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {rows.map((r) => (
            <li key={r.dossierId}>
              <Link href={`/dossiers/${r.dossierId}`} className="block rounded-lg bg-white p-4 shadow-sm hover:bg-brand-50">
                <span className="block text-lg font-semibold text-brand-700 underline">
                  {r.givenName} {r.familyName}
                </span>
                <span className="block text-sm">{r.schoolName}</span>
                <span className="mt-1 block text-sm text-slate-700">
                  {t.myDossiers.yourRole}: {t.roles.contact[r.role]}, {t.myDossiers.since} {formatDate(r.grantedAt, locale)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
