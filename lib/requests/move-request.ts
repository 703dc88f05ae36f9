import { and, eq, inArray, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { AuditAction } from '@/lib/audit/record-event';
import type { RequestStatus } from '@/lib/codes';
import type { Db } from '@/lib/db/client';
import { requests } from '@/lib/db/schema';
import type { DossierGrant } from '@/lib/dossiers/dossier-grant';
import { isUuid } from '@/lib/text/uuid';
import { recordStatusChange } from './record-status-change';

export type MoveOutcome = { status: 'moved' } | { status: 'not_found' } | { status: 'wrong_status' };

/**
 * One step of a request of this dossier, shared by 'Indienen', 'In behandeling' and 'Afgerond':
 * the row locked, its status checked against `from`, the new status and columns written, and the
 * step recorded in its history and the audit log — all in one transaction.
 */
export async function moveRequest(
  db: Db,
  grant: DossierGrant<'requests.submit' | 'requests.work'>,
  requestId: string,
  step: {
    from: readonly RequestStatus[];
    to: RequestStatus;
    action: AuditAction;
    set?: PgUpdateSetSource<typeof requests>;
    assigneeId?: string;
    note?: string;
  },
): Promise<MoveOutcome> {
  if (!isUuid(requestId)) return { status: 'not_found' };
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ status: requests.status })
      .from(requests)
      .where(and(eq(requests.id, requestId), eq(requests.dossierId, grant.id)))
      .for('update');
    if (!current) return { status: 'not_found' as const };
    if (!step.from.includes(current.status)) return { status: 'wrong_status' as const };
    await tx
      .update(requests)
      .set({ ...step.set, status: step.to, updatedAt: sql`now()` })
      .where(and(eq(requests.id, requestId), inArray(requests.status, [...step.from])));
    await recordStatusChange(tx, {
      requestId,
      dossierId: grant.id,
      status: step.to,
      actor: { id: grant.actor.id, origin: grant.origin },
      action: step.action,
      assigneeId: step.assigneeId,
      note: step.note,
    });
    return { status: 'moved' as const };
  });
}
