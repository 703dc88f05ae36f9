import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RequestFilterForm } from '@/components/requests/request-filter-form';
import { RequestList } from '@/components/requests/request-list';
import { PageTitle } from '@/components/ui/page-title';
import { canListRequests, canSubmitRequests } from '@/lib/auth/permissions';
import { requireViewer } from '@/lib/auth/viewer';
import { db } from '@/lib/db/client';
import { requestStatus, type RequestStatus } from '@/lib/db/schema';
import { t } from '@/lib/i18n';
import { countRequests } from '@/lib/requests/count-requests';
import { listRequests } from '@/lib/requests/list-requests';
import { listSchoolsInScope } from '@/lib/requests/list-schools-in-scope';
import { listAssigneesInScope } from '@/lib/requests/list-assignees-in-scope';

export const metadata: Metadata = { title: t.requests.title };

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);

export default async function RequestsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const query = new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])));
  const viewer = await requireViewer(`/aanvragen${query.size ? `?${query}` : ''}`);
  if (!canListRequests(viewer.memberships)) notFound();
  const statusParam = one(params.status);
  const status = requestStatus.enumValues.includes(statusParam as RequestStatus) ? (statusParam as RequestStatus) : undefined;
  const filters = {
    q: one(params.q)?.slice(0, 100),
    status,
    schoolId: one(params.school),
    assigneeId: one(params.begeleider),
    cursor: one(params.na),
    before: one(params.voor),
  };
  const [page, schools, assignees] = await Promise.all([
    listRequests(db(), viewer, filters),
    listSchoolsInScope(db(), viewer.memberships),
    listAssigneesInScope(db(), viewer.memberships),
  ]);
  const counted = await countRequests(db(), viewer, filters, page.prevCursor);
  const filtered = Boolean(filters.q || filters.status || filters.schoolId || filters.assigneeId);
  const nextParams = new URLSearchParams();
  if (filters.q) nextParams.set('q', filters.q);
  if (filters.status) nextParams.set('status', filters.status);
  if (filters.schoolId) nextParams.set('school', filters.schoolId);
  if (filters.assigneeId) nextParams.set('begeleider', filters.assigneeId);
  const firstHref = `/aanvragen${nextParams.size ? `?${nextParams}` : ''}`;
  const prevParams = new URLSearchParams(nextParams);
  if (page.nextCursor) nextParams.set('na', page.nextCursor);
  if (page.prevCursor) prevParams.set('voor', page.prevCursor);
  const paged = Boolean(filters.cursor || filters.before);
  return (
    <section aria-labelledby="aanvragen-titel">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <PageTitle id="aanvragen-titel">{t.requests.title}</PageTitle>
        {canSubmitRequests(viewer.memberships) && (
          <Link href="/aanvragen/nieuw" className="mb-4 inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            {t.requests.newRequest}
          </Link>
        )}
      </div>
      {/* Keyed by the filters: 'Wis filters' (a client-side navigation) then shows a fresh form, not the old choices. */}
      <RequestFilterForm
        key={`${filters.q ?? ''}|${filters.status ?? ''}|${filters.schoolId ?? ''}|${filters.assigneeId ?? ''}`}
        schools={schools}
        assignees={assignees}
        values={{ q: filters.q ?? '', status: filters.status ?? '', school: filters.schoolId ?? '', begeleider: filters.assigneeId ?? '' }}
      />
      <RequestList
        rows={page.rows}
        emptyText={filtered || paged ? t.requests.noResults : t.requests.empty}
        nextHref={page.nextCursor ? `/aanvragen?${nextParams}` : null}
        prevHref={page.prevCursor ? `/aanvragen?${prevParams}` : null}
        firstHref={paged ? firstHref : null}
        count={{ total: counted.total, capped: counted.capped, from: counted.before + 1, to: counted.before + page.rows.length }}
      />
    </section>
  );
}
