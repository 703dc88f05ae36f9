import type { Metadata } from 'next';
import Link from 'next/link';
import { PageTitle } from '@/components/ui/page-title';
import { requireViewer } from '@/lib/auth/viewer';
import { db } from '@/lib/db/client';
import { listMyDossiers } from '@/lib/dossiers/list-my-dossiers';
import { formatDate, t } from '@/lib/i18n';

export const metadata: Metadata = { title: t.myDossiers.title };

export default async function MyDossiersPage() {
  const viewer = await requireViewer('/mijn-dossiers');
  const rows = await listMyDossiers(db(), viewer.user.id);
  return (
    <section aria-labelledby="mijn-dossiers-titel">
      <PageTitle id="mijn-dossiers-titel">{t.myDossiers.title}</PageTitle>
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
                  {t.myDossiers.yourRole}: {t.roles.contact[r.role]}, {t.myDossiers.since} {formatDate(r.grantedAt)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
