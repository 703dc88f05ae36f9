import Link from 'next/link';
import { t } from '@/lib/i18n';
import type { RequestStatus } from '@/lib/codes';

const field = 'mt-1 block min-h-11 w-full rounded-md border border-slate-500 bg-white px-3 py-2';

/** A plain GET form: works without JavaScript, and the URL is the state (shareable, back button). */
export function RequestFilterForm({
  schools,
  assignees,
  values,
}: {
  schools: { id: string; name: string }[];
  assignees: { id: string; name: string }[];
  values: { q: string; status: string; school: string; begeleider: string };
}) {
  const statuses = Object.entries(t.requestStatus) as [RequestStatus, string][];
  return (
    <form method="get" action="/aanvragen" role="search" className="mb-6 grid gap-3 rounded-lg bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto] sm:items-end">
      <label className="block">
        <span className="font-medium">{t.requests.searchLabel}</span>
        <input type="search" name="q" defaultValue={values.q} maxLength={100} autoComplete="off" className={field} />
      </label>
      <label className="block">
        <span className="font-medium">{t.requests.statusLabel}</span>
        <select name="status" defaultValue={values.status} className={field}>
          <option value="">{t.requests.all}</option>
          {statuses.map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="block">
        <span className="font-medium">{t.requests.schoolLabel}</span>
        <select name="school" defaultValue={values.school} className={field}>
          <option value="">{t.requests.all}</option>
          {schools.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label className="block">
        <span className="font-medium">{t.requests.assigneeLabel}</span>
        <select name="begeleider" defaultValue={values.begeleider} className={field}>
          <option value="">{t.requests.all}</option>
          {assignees.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <div className="flex gap-2">
        <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t.requests.filter}
        </button>
        <Link href="/aanvragen" className="inline-flex min-h-11 items-center rounded-md px-3 py-2 text-brand-700 underline">
          {t.requests.reset}
        </Link>
      </div>
    </form>
  );
}
