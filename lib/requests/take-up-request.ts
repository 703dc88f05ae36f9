import type { Db } from '@/lib/db/client';
import type { DossierGrant } from '@/lib/dossiers/dossier-grant';
import { isUuid } from '@/lib/text/uuid';
import { listCentreStaff } from './list-centre-staff';
import { moveRequest } from './move-request';

export type TakeUpOutcome = { status: 'taken_up' } | { status: 'not_found' } | { status: 'wrong_status' } | { status: 'bad_assignee' };

/**
 * 'In behandeling': a submitted request of this dossier gets a begeleider (a centre staff
 * member of the dossier's centre). Also reassigns a request already in progress.
 */
export async function takeUpRequest(
  db: Db,
  grant: DossierGrant<'requests.work'>,
  requestId: string,
  assigneeId: string,
): Promise<TakeUpOutcome> {
  if (!isUuid(requestId)) return { status: 'not_found' };
  const staff = await listCentreStaff(db, grant);
  if (!staff.some((s) => s.id === assigneeId)) return { status: 'bad_assignee' };
  const moved = await moveRequest(db, grant, requestId, {
    from: ['submitted', 'in_progress'],
    to: 'in_progress',
    action: 'request_taken_up',
    set: { assigneeId },
    assigneeId,
  });
  return moved.status === 'moved' ? { status: 'taken_up' } : moved;
}
