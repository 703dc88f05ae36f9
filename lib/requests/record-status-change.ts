import { recordAudit, type AuditAction } from '@/lib/audit/record-event';
import type { RequestStatus } from '@/lib/codes';
import type { Db } from '@/lib/db/client';
import { requestStatusChanges } from '@/lib/db/schema';

/** A request's step in its history (shown on the dossier) and in the audit log, in the caller's transaction. */
export async function recordStatusChange(
  tx: Db,
  change: {
    requestId: string;
    dossierId: string;
    status: RequestStatus;
    actor: { id: string; origin: string | null };
    action: AuditAction;
    assigneeId?: string | null;
    note?: string | null;
  },
): Promise<void> {
  await tx.insert(requestStatusChanges).values({
    requestId: change.requestId,
    status: change.status,
    actorId: change.actor.id,
    assigneeId: change.assigneeId ?? null,
    note: change.note ?? null,
  });
  await recordAudit(tx, {
    actorId: change.actor.id,
    action: change.action,
    dossierId: change.dossierId,
    targetType: 'request',
    targetId: change.requestId,
    details: { status: change.status, ...(change.assigneeId ? { assigneeId: change.assigneeId } : {}) },
    origin: change.actor.origin,
  });
}
