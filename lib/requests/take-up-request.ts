import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { requests } from '@/lib/db/schema';
import type { DossierGrant } from '@/lib/dossiers/dossier-grant';
import { isUuid } from '@/lib/text/uuid';
import { listCentreStaff } from './list-centre-staff';
import { recordStatusChange } from './record-status-change';

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
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ status: requests.status })
      .from(requests)
      .where(and(eq(requests.id, requestId), eq(requests.dossierId, grant.id)))
      .for('update');
    if (!current) return { status: 'not_found' as const };
    if (current.status !== 'submitted' && current.status !== 'in_progress') return { status: 'wrong_status' as const };
    await tx
      .update(requests)
      .set({ status: 'in_progress', assigneeId, updatedAt: sql`now()` })
      .where(and(eq(requests.id, requestId), inArray(requests.status, ['submitted', 'in_progress'])));
    await recordStatusChange(tx, {
      requestId,
      dossierId: grant.id,
      status: 'in_progress',
      actor: { id: grant.actor.id, origin: grant.origin },
      action: 'request_taken_up',
      assigneeId,
    });
    return { status: 'taken_up' as const };
  });
}
