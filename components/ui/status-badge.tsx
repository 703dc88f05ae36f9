import { t } from '@/lib/i18n';
import type { RequestStatus } from '@/lib/codes';

const tone: Record<RequestStatus, string> = {
  draft: 'bg-slate-200 text-slate-900',
  submitted: 'bg-blue-100 text-blue-900',
  in_progress: 'bg-amber-100 text-amber-900',
  completed: 'bg-green-100 text-green-900',
};

export function StatusBadge({ status }: { status: RequestStatus }) {
  return <span className={`inline-block rounded-full px-2.5 py-0.5 text-sm font-medium ${tone[status]}`}>{t.requestStatus[status]}</span>;
}
