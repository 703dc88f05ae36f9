import type { Metadata } from 'next';
import Link from 'next/link';
import { DossierActions } from '@/components/dossiers/dossier-actions';
import { DossierHeader } from '@/components/dossiers/dossier-header';
import { Notice } from '@/components/ui/notice';
import { StatusBadge } from '@/components/ui/status-badge';
import { can } from '@/lib/auth/permissions';
import { db } from '@/lib/db/client';
import { getDossierContent } from '@/lib/dossiers/get-dossier-content';
import { requireDossier } from '@/lib/dossiers/require-dossier';
import { formatDate, t } from '@/lib/i18n';

export const metadata: Metadata = { title: 'Dossier' };

export default async function DossierPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { grant } = await requireDossier(id, 'dossier.view', `/dossiers/${id}`);
  const content = await getDossierContent(db(), grant);
  const isStaff = grant.access.kind === 'staff';
  return (
    <article aria-labelledby="dossier-titel">
      {isStaff && (
        <p className="mb-3">
          <Link href="/aanvragen" className="text-brand-700 underline">
            {t.dossier.backToRequests}
          </Link>
        </p>
      )}
      <DossierHeader dossier={grant} titleId="dossier-titel" />
      <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
        <aside className="lg:order-2">
          <DossierActions dossierId={grant.id} access={grant.access} />
        </aside>
        <div className="grid gap-6 lg:order-1">
          {!can(grant.access, 'contacts.manage') && <Notice>{t.dossier.readOnly}</Notice>}
          <section aria-labelledby="aanvragen-titel" className="rounded-lg bg-white p-4 shadow-sm">
            <h2 id="aanvragen-titel" className="mb-3 text-lg font-semibold">
              {t.dossier.requestsTitle}
            </h2>
            <ul className="grid gap-3">
              {content.requests.map((r) => (
                <li key={r.id} className="rounded-md border border-slate-200 p-3">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <span className="font-medium">{t.requestType[r.type]}</span>
                    <StatusBadge status={r.status} />
                  </div>
                  <p className="mt-1 text-sm text-slate-700">
                    {r.submittedAt ? `${t.dossier.submittedOn} ${formatDate(r.submittedAt)}` : `${t.dossier.createdOn} ${formatDate(r.createdAt)}`}
                  </p>
                  {r.description && <p className="mt-2">{r.description}</p>}
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="verslagen-titel" className="rounded-lg bg-white p-4 shadow-sm">
            <h2 id="verslagen-titel" className="mb-3 text-lg font-semibold">
              {t.dossier.entriesTitle}
            </h2>
            {content.entries.length === 0 ? (
              <p>{t.dossier.noEntries}</p>
            ) : (
              <ol className="grid gap-4">
                {content.entries.map((e) => (
                  <li key={e.id} className="border-l-4 border-brand-600 pl-3">
                    <h3 className="font-semibold">{e.title}</h3>
                    <p className="text-sm text-slate-700">
                      <time dateTime={e.occurredOn}>{formatDate(e.occurredOn)}</time> · {t.entryKind[e.kind]}
                    </p>
                    <p className="mt-1">{e.body}</p>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>
      </div>
    </article>
  );
}
