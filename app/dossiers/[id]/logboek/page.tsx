import type { Metadata } from 'next';
import Link from 'next/link';
import { isEventKind, listDossierEvents, type EventKind } from '@/lib/audit/list-dossier-events';
import { db } from '@/lib/db/client';
import { requireDossier } from '@/lib/dossiers/require-dossier';
import { formatDateTime, t } from '@/lib/i18n';
import { fill } from '@/lib/i18n/format';

export const metadata: Metadata = { title: t.auditLog.title };

const field = 'mt-1 block min-h-11 w-full rounded-md border border-slate-500 bg-white px-3 py-2 sm:w-auto';

export default async function AuditLogPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ voor?: string | string[]; soort?: string | string[] }>;
}) {
  const { id } = await params;
  const { grant } = await requireDossier(id, 'audit.view', `/dossiers/${id}/logboek`);
  const { voor, soort } = await searchParams;
  const before = typeof voor === 'string' && /^\d{1,15}$/.test(voor) ? Number(voor) : undefined;
  const kind: EventKind | undefined = isEventKind(soort) ? soort : undefined;
  const page = await listDossierEvents(db(), grant, { before, kind });
  const c = t.auditLog.columns;
  const base = `/dossiers/${grant.id}/logboek`;
  const withKind = (extra: string) => {
    const query = new URLSearchParams();
    if (kind) query.set('soort', kind);
    if (extra) query.set('voor', extra);
    return query.size ? `${base}?${query}` : base;
  };
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
      {/* A plain GET form: works without JavaScript, and the URL is the state. Keyed so a new filter resets it. */}
      <form key={kind ?? 'all'} method="get" action={base} className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm">
        <label className="block">
          <span className="font-medium">{t.auditLog.kindLabel}</span>
          <select name="soort" defaultValue={kind ?? ''} className={field}>
            <option value="">{t.auditLog.kinds.all}</option>
            <option value="access">{t.auditLog.kinds.access}</option>
            <option value="views">{t.auditLog.kinds.views}</option>
          </select>
        </label>
        <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t.auditLog.filter}
        </button>
      </form>
      {page.events.length === 0 ? (
        <p>{kind ? t.auditLog.emptyKind : t.auditLog.empty}</p>
      ) : (
        <ol className="grid gap-2" aria-label={t.auditLog.title}>
          {page.events.map((e) => (
            <li key={e.id} className="grid gap-1 rounded-md bg-white p-3 shadow-sm sm:grid-cols-[11rem_1fr_1fr_1.4fr]" data-testid="audit-event">
              <span>
                <span className="sr-only">{c.at}: </span>
                <time dateTime={e.at.toISOString()}>{formatDateTime(e.at)}</time>
              </span>
              <span>
                <span className="sr-only">{c.actor}: </span>
                {e.actor ?? t.auditLog.unknownActor}
              </span>
              <span className="font-medium">
                <span className="sr-only">{c.action}: </span>
                {t.auditLog.actions[e.action] ?? e.action}
              </span>
              <span className="break-all">
                {e.subject && (
                  <>
                    <span className="sr-only">{c.subject}: </span>
                    {e.subject}
                  </>
                )}
                {e.replaced && (
                  <span className="block text-sm" data-testid="relinked-from">
                    {fill(t.auditLog.relinkedFrom, { name: e.replaced.name, date: formatDateTime(e.replaced.registeredAt) })}
                  </span>
                )}
                {e.role && (
                  <span className="ml-2 rounded-full bg-brand-100 px-2 py-0.5 text-sm font-medium text-brand-800">
                    <span className="sr-only">{c.role}: </span>
                    {t.roles.contact[e.role]}
                  </span>
                )}
              </span>
            </li>
          ))}
        </ol>
      )}
      {(page.nextBefore || before) && (
        <nav aria-label={t.requests.pagination} className="flex flex-wrap gap-3">
          {before && (
            <Link href={withKind('')} className="inline-flex min-h-11 items-center rounded-md border border-brand-700 px-4 py-2 text-brand-700">
              {t.auditLog.newest}
            </Link>
          )}
          {page.nextBefore && (
            <Link href={withKind(String(page.nextBefore))} className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 py-2 font-semibold text-white">
              {t.auditLog.older}
            </Link>
          )}
        </nav>
      )}
    </article>
  );
}
