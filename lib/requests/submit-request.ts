import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { requests } from '@/lib/db/schema';
import type { DossierGrant } from '@/lib/dossiers/dossier-grant';
import { isUuid } from '@/lib/text/uuid';
import { recordStatusChange } from './record-status-change';

export type SubmitOutcome = { status: 'submitted' } | { status: 'not_found' } | { status: 'wrong_status' };

/** 'Indienen': a 'Werkversie' of this dossier goes to the centre. */
export async function submitRequest(db: Db, grant: DossierGrant<'requests.submit'>, requestId: string): Promise<SubmitOutcome> {
  if (!isUuid(requestId)) return { status: 'not_found' };
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ status: requests.status })
      .from(requests)
      .where(and(eq(requests.id, requestId), eq(requests.dossierId, grant.id)))
      .for('update');
    if (!current) return { status: 'not_found' as const };
    if (current.status !== 'draft') return { status: 'wrong_status' as const };
    await tx.update(requests).set({ status: 'submitted', submittedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(requests.id, requestId));
    await recordStatusChange(tx, {
      requestId,
      dossierId: grant.id,
      status: 'submitted',
      actor: { id: grant.actor.id, origin: grant.origin },
      action: 'request_submitted',
    });
    return { status: 'submitted' as const };
  });
}
