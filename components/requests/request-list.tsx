import Link from 'next/link';
import { StatusBadge } from '@/components/ui/status-badge';
import { formatDate, t } from '@/lib/i18n';
import { fill } from '@/lib/i18n/format';
import type { RequestRow } from '@/lib/requests/list-requests';

/** A table from the `md` breakpoint up; on a phone each request is a card. Both link to the dossier. */
export function RequestList({
  rows,
  emptyText,
  nextHref,
  prevHref,
  firstHref,
  count,
}: {
  rows: RequestRow[];
  emptyText: string;
  nextHref: string | null;
  prevHref: string | null;
  firstHref: string | null;
  /** How many the filters find, and which of them this page shows (1-based). */
  count: { total: number; from: number; to: number; capped?: boolean };
}) {
  if (rows.length === 0) {
    return (
      <div>
        <p className="rounded-lg bg-white p-6 text-center shadow-sm" role="status">
          {emptyText}
        </p>
        {firstHref && <Pager nextHref={null} prevHref={null} firstHref={firstHref} />}
      </div>
    );
  }
  const c = t.requests.columns;
  const paged = Boolean(nextHref || prevHref);
  return (
    <div>
      <p className="mb-3 text-sm text-slate-700" data-testid="request-count">
        {countText(count, paged)}
      </p>
      <table className="hidden w-full border-collapse overflow-hidden rounded-lg bg-white shadow-sm md:table">
        <caption className="sr-only">{t.requests.listLabel}</caption>
        <thead className="bg-slate-100 text-left">
          <tr>
            <th scope="col" className="px-4 py-3">{c.student}</th>
            <th scope="col" className="px-4 py-3">{c.school}</th>
            <th scope="col" className="px-4 py-3">{c.type}</th>
            <th scope="col" className="px-4 py-3">{c.status}</th>
            <th scope="col" className="px-4 py-3">{c.date}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-t border-slate-200 hover:bg-brand-50">
              <th scope="row" className="px-4 py-3 text-left font-medium">
                <Link href={`/dossiers/${r.dossierId}`} className="text-brand-700 underline">
                  {r.studentName}
                </Link>
              </th>
              <td className="px-4 py-3">
                {r.schoolName}
                {r.departmentName && <span className="block text-sm text-slate-700">{r.departmentName}</span>}
              </td>
              <td className="px-4 py-3">{t.requestType[r.type]}</td>
              <td className="px-4 py-3">
                <StatusBadge status={r.status} />
                {r.assigneeName && <span className="block text-sm text-slate-700">{r.assigneeName}</span>}
              </td>
              <td className="px-4 py-3 whitespace-nowrap">{formatDate(r.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="grid gap-3 md:hidden" aria-label={t.requests.listLabel}>
        {rows.map((r) => (
          <li key={r.id}>
            <Link
              href={`/dossiers/${r.dossierId}`}
              className="block rounded-lg bg-white p-4 shadow-sm hover:bg-brand-50"
            >
              <span className="flex items-start justify-between gap-2">
                <span className="font-semibold text-brand-700 underline">{r.studentName}</span>
                <StatusBadge status={r.status} />
              </span>
              <span className="mt-1 block text-sm">
                {r.schoolName}
                {r.departmentName && ` · ${r.departmentName}`}
              </span>
              <span className="mt-1 block text-sm text-slate-700">
                {t.requestType[r.type]} · {formatDate(r.createdAt)}
                {r.assigneeName && ` · ${r.assigneeName}`}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      <Pager nextHref={nextHref} prevHref={prevHref} firstHref={prevHref ? null : firstHref} />
    </div>
  );
}

/** "Aanvragen 21–40 van 57"; past the count's cap "van meer dan 1.000", and deeper still no position at all. */
function countText(count: { total: number; from: number; to: number; capped?: boolean }, paged: boolean): string {
  const total = count.total.toLocaleString('nl-BE');
  if (count.capped) {
    return count.from > count.total ? fill(t.requests.countMore, { count: total }) : fill(t.requests.rangeOfMore, { from: String(count.from), to: String(count.to), count: total });
  }
  if (paged) return fill(t.requests.range, { from: String(count.from), to: String(count.to), count: total });
  return count.total === 1 ? t.requests.countOne : fill(t.requests.count, { count: total });
}

function Pager({ nextHref, prevHref, firstHref }: { nextHref: string | null; prevHref: string | null; firstHref: string | null }) {
  if (!nextHref && !prevHref && !firstHref) return null;
  return (
    <nav aria-label={t.requests.pagination} className="mt-4 flex flex-wrap gap-3">
      {firstHref && (
        <Link href={firstHref} className="inline-flex min-h-11 items-center rounded-md border border-brand-700 px-4 py-2 text-brand-700">
          {t.requests.first}
        </Link>
      )}
      {prevHref && (
        <Link href={prevHref} className="inline-flex min-h-11 items-center rounded-md border border-brand-700 px-4 py-2 text-brand-700">
          {t.requests.previous}
        </Link>
      )}
      {nextHref && (
        <Link href={nextHref} className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 py-2 font-semibold text-white">
          {t.requests.next}
        </Link>
      )}
    </nav>
  );
}
