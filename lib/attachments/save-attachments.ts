import { recordAudit } from '@/lib/audit/record-event';
import type { Db } from '@/lib/db/client';
import { attachments } from '@/lib/db/schema';
import { activeStore } from './store';
import type { ValidFile } from './validate-upload';

/**
 * Stores checked files for one entry or one request of a dossier. Runs inside the caller's
 * transaction (`tx`): the rows, the bytes and the audit events commit with their owner.
 */
export async function saveAttachments(
  tx: Db,
  owner: { dossierId: string; entryId?: string; requestId?: string },
  files: readonly ValidFile[],
  actor: { id: string; origin: string | null },
): Promise<string[]> {
  const store = activeStore();
  const ids: string[] = [];
  for (const file of files) {
    const [row] = await tx
      .insert(attachments)
      .values({
        dossierId: owner.dossierId,
        entryId: owner.entryId ?? null,
        requestId: owner.requestId ?? null,
        fileName: file.fileName,
        contentType: file.contentType,
        size: file.size,
        sha256: file.sha256,
        store: store.code,
        uploadedBy: actor.id,
      })
      .returning({ id: attachments.id });
    await store.put(tx, row!.id, file.data);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'attachment_added',
      dossierId: owner.dossierId,
      targetType: 'attachment',
      targetId: row!.id,
      details: { size: file.size, contentType: file.contentType },
      origin: actor.origin,
    });
    ids.push(row!.id);
  }
  return ids;
}
