import type { Metadata } from 'next';
import Link from 'next/link';
import { listDossierEvents } from '@/lib/audit/list-dossier-events';
import { db } from '@/lib/db/client';
import { requireDossier } from '@/lib/dossiers/require-dossier';
import { formatDateTime, t } from '@/lib/i18n';

export const metadata: Metadata = { title: t.auditLog.title };

export default async function AuditLogPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ voor?: string | string[] }>;
}) {
  const { id } = await params;
  const { grant } = await requireDossier(id, 'audit.view', `/dossiers/${id}/logboek`);
  const { voor } = await searchParams;
  const before = typeof voor === 'string' && /^\d{1,15}$/.test(voor) ? Number(voor) : undefined;
  const page = await listDossierEvents(db(), grant, before);
  const c = t.auditLog.columns;
  return (
    <article aria-labelledby="logboek-titel" className="grid gap-4">
      <p>
        <Link href={`/dossiers/${grant.id}`} className="text-brand-700 underline">
          {t.dossier.backToDossier}
        </Link>
      </p>
      <h1 id="logboek-titel" className="text-2xl font-bold tracking-tight sm:text-3xl">
        {t.auditLog.title}: {grant.student.givenName} {grant.student.familyName}
      </h1>
      <p>{t.auditLog.intro}</p>
      {page.events.length === 0 ? (
        <p>{t.auditLog.empty}</p>
      ) : (
        <ol className="grid gap-2" aria-label={t.auditLog.title}>
          {page.events.map((e) => (
            <li key={e.id} className="grid gap-1 rounded-md bg-white p-3 shadow-sm sm:grid-cols-[12rem_1fr_1fr]">
              <span>
                <span className="sr-only">{c.at}: </span>
                <time dateTime={e.at.toISOString()}>{formatDateTime(e.at)}</time>
              </span>
              <span>
                <span className="sr-only">{c.actor}: </span>
                {e.actor ?? t.auditLog.unknownActor}
              </span>
              <span>
                <span className="sr-only">{c.action}: </span>
                {t.auditLog.actions[e.action] ?? e.action}
              </span>
            </li>
          ))}
        </ol>
      )}
      {page.nextBefore && (
        <p>
          <Link href={`/dossiers/${grant.id}/logboek?voor=${page.nextBefore}`} className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 py-2 font-semibold text-white">
            {t.auditLog.older}
          </Link>
        </p>
      )}
    </article>
  );
}
