import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { requests } from '@/lib/db/schema';
import type { DossierGrant } from '@/lib/dossiers/dossier-grant';
import { isUuid } from '@/lib/text/uuid';
import { recordStatusChange } from './record-status-change';

export type CompleteOutcome = { status: 'completed' } | { status: 'not_found' } | { status: 'wrong_status' };

/** 'Afgerond': a request in progress is closed with a closing note. */
export async function completeRequest(
  db: Db,
  grant: DossierGrant<'requests.work'>,
  requestId: string,
  closingNote: string,
): Promise<CompleteOutcome> {
  if (!isUuid(requestId)) return { status: 'not_found' };
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ status: requests.status })
      .from(requests)
      .where(and(eq(requests.id, requestId), eq(requests.dossierId, grant.id)))
      .for('update');
    if (!current) return { status: 'not_found' as const };
    if (current.status !== 'in_progress') return { status: 'wrong_status' as const };
    await tx
      .update(requests)
      .set({ status: 'completed', closingNote, closedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(requests.id, requestId));
    await recordStatusChange(tx, {
      requestId,
      dossierId: grant.id,
      status: 'completed',
      actor: { id: grant.actor.id, origin: grant.origin },
      action: 'request_completed',
      note: closingNote,
    });
    return { status: 'completed' as const };
  });
}
