import { and, eq } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit/record-event';
import type { Db } from '@/lib/db/client';
import { attachments } from '@/lib/db/schema';
import { isUuid } from '@/lib/text/uuid';
import { storeFor } from './store';

/**
 * Deletes one attachment of a request (its bytes from its store, then its row) inside the
 * caller's transaction, with the audit event; the counterpart of saveAttachments. The caller
 * decides whether the request may still lose files (only a 'Werkversie' may). False when the
 * id names no attachment of that request.
 */
export async function removeAttachment(
  tx: Db,
  owner: { dossierId: string; requestId: string },
  attachmentId: string,
  actor: { id: string; origin: string | null },
): Promise<boolean> {
  if (!isUuid(attachmentId)) return false;
  const [row] = await tx
    .select({ id: attachments.id, store: attachments.store, size: attachments.size, contentType: attachments.contentType })
    .from(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(attachments.requestId, owner.requestId), eq(attachments.dossierId, owner.dossierId)))
    .for('update');
  if (!row) return false;
  await storeFor(row.store).remove(tx, row.id);
  await tx.delete(attachments).where(eq(attachments.id, row.id));
  await recordAudit(tx, {
    actorId: actor.id,
    action: 'attachment_removed',
    dossierId: owner.dossierId,
    targetType: 'attachment',
    targetId: row.id,
    details: { requestId: owner.requestId, size: row.size, contentType: row.contentType },
    origin: actor.origin,
  });
  return true;
}
