import { and, eq } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit/record-event';
import type { Db } from '@/lib/db/client';
import { attachments, dossierEntries, requests } from '@/lib/db/schema';
import type { DossierGrant } from '@/lib/dossiers/dossier-grant';
import { isUuid } from '@/lib/text/uuid';
import { storeFor } from './store';
import { attachmentVisibleTo } from './visible-attachments';

export type AttachmentDownload = { fileName: string; contentType: string; data: Uint8Array };

/**
 * One attachment of this dossier, if the grant's holder may see what it is attached to (the
 * same VISIBILITY rule as the dossier page), with the download recorded in the audit log.
 * Null for an unknown id, another dossier's file or one the caller may not see alike.
 */
export async function readAttachment(db: Db, grant: DossierGrant<'dossier.view'>, attachmentId: string): Promise<AttachmentDownload | null> {
  if (!isUuid(attachmentId)) return null;
  const [row] = await db
    .select({ id: attachments.id, fileName: attachments.fileName, contentType: attachments.contentType, store: attachments.store })
    .from(attachments)
    .leftJoin(dossierEntries, eq(dossierEntries.id, attachments.entryId))
    .leftJoin(requests, eq(requests.id, attachments.requestId))
    .where(and(eq(attachments.id, attachmentId), attachmentVisibleTo(grant)))
    .limit(1);
  if (!row) return null;
  const data = await storeFor(row.store).get(db, row.id);
  if (!data) return null;
  await recordAudit(db, {
    actorId: grant.actor.id,
    action: 'attachment_downloaded',
    dossierId: grant.id,
    targetType: 'attachment',
    targetId: row.id,
    origin: grant.origin,
  });
  return { fileName: row.fileName, contentType: row.contentType, data };
}
