import type { Metadata } from 'next';
import Link from 'next/link';
import { secondaryButton } from '@/components/forms/field';
import { AttachmentLinks } from '@/components/dossiers/attachment-links';
import { DossierActions } from '@/components/dossiers/dossier-actions';
import { DossierHeader } from '@/components/dossiers/dossier-header';
import { EntryForm } from '@/components/entries/entry-form';
import { CompleteForm, SubmitDraftForm, TakeUpForm } from '@/components/requests/request-step-form';
import { Notice } from '@/components/ui/notice';
import { StatusBadge } from '@/components/ui/status-badge';
import { can } from '@/lib/auth/permissions';
import { db } from '@/lib/db/client';
import { narrowGrant } from '@/lib/dossiers/dossier-grant';
import { getDossierContent } from '@/lib/dossiers/get-dossier-content';
import { requireDossier } from '@/lib/dossiers/require-dossier';
import { listEntryVersions } from '@/lib/entries/list-entry-versions';
import { formatDate as formatDateIn, formatDateTime as formatDateTimeIn, localeOf } from '@/lib/i18n';
import { fill } from '@/lib/i18n/format';
import { getMessages } from '@/lib/i18n/request-locale';
import { listCentreStaff } from '@/lib/requests/list-centre-staff';
import { completeRequestAction, createEntryAction, editEntryAction, submitRequestAction, takeUpRequestAction } from './actions';

export const metadata: Metadata = { title: 'Dossier' };

const today = () => new Date().toISOString().slice(0, 10);

export default async function DossierPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const { aanvraag, wijzig } = await searchParams;
  // One entry's edit form at a time ('Wijzigen' links here): twenty forms, each with its own
  // bound action, made every view of a long dossier several times heavier.
  const editing = typeof wijzig === 'string' ? wijzig : null;
  const { grant } = await requireDossier(id, 'dossier.view', `/dossiers/${id}`);
  const writeGrant = narrowGrant(grant, 'entries.write');
  const workGrant = narrowGrant(grant, 'requests.work');
  const mayWrite = writeGrant !== null;
  const maySubmit = can(grant.access, 'requests.submit');
  const [content, staff, versions] = await Promise.all([
    getDossierContent(db(), grant),
    workGrant ? listCentreStaff(db(), workGrant) : Promise.resolve([]),
    writeGrant ? listEntryVersions(db(), writeGrant) : Promise.resolve([]),
  ]);
  const isStaff = grant.access.kind === 'staff';
  // Staff read Dutch; an invitee reads their own language. What staff wrote stays as written.
  const t = await getMessages();
  const locale = localeOf(t);
  const formatDate = (value: Date | string) => formatDateIn(value, locale);
  const formatDateTime = (value: Date | string) => formatDateTimeIn(value, locale);
  return (
    <article aria-labelledby="dossier-titel">
      {isStaff && (
        <p className="mb-3">
          <Link href="/aanvragen" className="text-brand-700 underline">
            {t.dossier.backToRequests}
          </Link>
        </p>
      )}
      <DossierHeader dossier={grant} titleId="dossier-titel" m={t} />
      {(aanvraag === 'ingediend' || aanvraag === 'werkversie') && (
        <div className="mb-4">
          <Notice tone="success" live>
            {aanvraag === 'ingediend' ? t.newRequest.submitted : t.newRequest.savedDraft}
          </Notice>
        </div>
      )}
      <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
        <aside className="lg:order-2">
          <DossierActions dossierId={grant.id} access={grant.access} m={t} />
        </aside>
        <div className="grid min-w-0 gap-6 lg:order-1">
          {!can(grant.access, 'contacts.manage') && <Notice>{t.dossier.readOnly}</Notice>}
          <section aria-labelledby="aanvragen-titel" className="rounded-lg bg-white p-4 shadow-sm">
            <h2 id="aanvragen-titel" className="mb-3 text-lg font-semibold">
              {t.dossier.requestsTitle}
            </h2>
            <ul className="grid gap-3">
              {content.requests.map((r) => (
                <li key={r.id} className="rounded-md border border-slate-200 p-3" data-testid="request">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <span className="font-medium">{t.requestType[r.type]}</span>
                    <StatusBadge status={r.status} m={t} />
                  </div>
                  <p className="mt-1 text-sm text-slate-700">
                    {r.submittedAt ? `${t.dossier.submittedOn} ${formatDate(r.submittedAt)}` : `${t.dossier.createdOn} ${formatDate(r.createdAt)}`}
                  </p>
                  {r.assigneeName && <p className="mt-1 text-sm">{fill(t.requestWork.begeleider, { name: r.assigneeName })}</p>}
                  {r.description && <p className="mt-2 whitespace-pre-line">{r.description}</p>}
                  <AttachmentLinks dossierId={grant.id} files={r.attachments} m={t} />
                  {r.closingNote && (
                    <p className="mt-2 whitespace-pre-line">
                      <span className="font-medium">{t.requestWork.closedWith}: </span>
                      {r.closingNote}
                    </p>
                  )}
                  {r.history.length > 0 && (
                    <details className="mt-2">
                      <summary className="min-h-11 cursor-pointer py-2 text-brand-700 underline">{t.requestWork.historyTitle}</summary>
                      <ol className="grid gap-1 text-sm">
                        {r.history.map((h, n) => (
                          <li key={n}>
                            <time dateTime={h.at.toISOString()}>{formatDateTime(h.at)}</time> · {t.requestStatus[h.status]}
                            {h.actorName ? ` · ${h.actorName}` : ''}
                          </li>
                        ))}
                      </ol>
                    </details>
                  )}
                  {maySubmit && r.status === 'draft' && (
                    <div className="mt-3 flex flex-wrap items-start gap-3">
                      <SubmitDraftForm action={submitRequestAction.bind(null, grant.id, r.id)} />
                      <Link href={`/dossiers/${grant.id}/werkversie/${r.id}`} className={`${secondaryButton} inline-flex items-center`}>
                        {t.draftRequest.edit}
                        <span className="sr-only">: {t.requestType[r.type]}</span>
                      </Link>
                    </div>
                  )}
                  {workGrant && (r.status === 'submitted' || r.status === 'in_progress') && (
                    <div className="mt-3 grid gap-3 border-t border-slate-200 pt-3">
                      <TakeUpForm action={takeUpRequestAction.bind(null, grant.id, r.id)} staff={staff} idPrefix={`r-${r.id}`} current={r.assigneeId} />
                      {r.status === 'in_progress' && <CompleteForm action={completeRequestAction.bind(null, grant.id, r.id)} idPrefix={`r-${r.id}`} />}
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="verslagen-titel" className="rounded-lg bg-white p-4 shadow-sm">
            <h2 id="verslagen-titel" className="mb-3 text-lg font-semibold">
              {t.dossier.entriesTitle}
            </h2>
            {mayWrite && (
              <details className="mb-4 rounded-md border border-slate-200 p-3">
                <summary className="min-h-11 cursor-pointer py-2 font-semibold text-brand-700">{t.entries.add}</summary>
                <EntryForm
                  action={createEntryAction.bind(null, grant.id)}
                  idPrefix="nieuw"
                  defaults={{ kind: 'report', title: '', body: '', occurredOn: today(), visibility: 'internal' }}
                />
              </details>
            )}
            {content.entries.length === 0 ? (
              <p>{t.dossier.noEntries}</p>
            ) : (
              <ol className="grid gap-4">
                {content.entries.map((e) => {
                  const earlier = versions.filter((v) => v.entryId === e.id);
                  return (
                    <li key={e.id} id={`entry-${e.id}`} className="scroll-mt-4 border-l-4 border-brand-600 pl-3" data-testid="entry">
                      <h3 className="font-semibold">{e.title}</h3>
                      <p className="text-sm text-slate-700">
                        <time dateTime={e.occurredOn}>{formatDate(e.occurredOn)}</time> · {t.entryKind[e.kind]}
                        {isStaff && ` · ${e.visibility === 'shared' ? t.entries.sharedBadge : t.entries.internalBadge}`}
                      </p>
                      <p className="mt-1 whitespace-pre-line">{e.body}</p>
                      <AttachmentLinks dossierId={grant.id} files={e.attachments} m={t} />
                      {isStaff && e.editorName && e.updatedAt && (
                        <p className="mt-1 text-sm text-slate-700">{fill(t.entries.editedBy, { name: e.editorName, date: formatDateTime(e.updatedAt) })}</p>
                      )}
                      {earlier.length > 0 && (
                        <details className="mt-1">
                          <summary className="min-h-11 cursor-pointer py-2 text-brand-700 underline">{fill(t.entries.versions, { count: earlier.length })}</summary>
                          <ol className="grid gap-2 text-sm">
                            {earlier.map((v) => (
                              <li key={v.version} className="rounded border border-slate-200 p-2">
                                <p className="text-slate-700">
                                  {fill(t.entries.versionBy, { version: v.version, name: v.replacedByName ?? t.auditLog.unknownActor, date: formatDateTime(v.replacedAt) })}
                                </p>
                                <p className="font-medium">{v.title}</p>
                                <p className="whitespace-pre-line">{v.body}</p>
                              </li>
                            ))}
                          </ol>
                        </details>
                      )}
                      {mayWrite &&
                        (editing === e.id ? (
                          <section aria-label={`${t.entries.editTitle}: ${e.title}`} className="mt-2 grid gap-2 rounded-md border border-slate-200 p-3">
                            <EntryForm
                              action={editEntryAction.bind(null, grant.id, e.id)}
                              idPrefix={`e-${e.id}`}
                              defaults={{ kind: e.kind, title: e.title, body: e.body, occurredOn: e.occurredOn, visibility: e.visibility, version: e.version }}
                            />
                            <p>
                              <Link href={`/dossiers/${grant.id}#entry-${e.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
                                {t.entries.closeEdit}
                              </Link>
                            </p>
                          </section>
                        ) : (
                          <p>
                            <Link href={`/dossiers/${grant.id}?wijzig=${e.id}#entry-${e.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
                              {t.entries.edit}
                              <span className="sr-only">: {e.title}</span>
                            </Link>
                          </p>
                        ))}
                    </li>
                  );
                })}
              </ol>
            )}
          </section>
        </div>
      </div>
    </article>
  );
}
