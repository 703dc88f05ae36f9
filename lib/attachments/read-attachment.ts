import { and, eq } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit/record-event';
import type { Db } from '@/lib/db/client';
import { attachments, dossierEntries, requests } from '@/lib/db/schema';
import type { DossierGrant } from '@/lib/dossiers/dossier-grant';
import { isUuid } from '@/lib/text/uuid';
import { limitWork } from '@/lib/rate-limit/limits';
import { storeFor } from './store';
import { attachmentVisibleTo } from './visible-attachments';

export type AttachmentDownload = { status: 'ok'; fileName: string; contentType: string; size: number; stream: ReadableStream<Uint8Array> };
export type AttachmentRefusal = { status: 'rate_limited'; retryAfterMs: number };

/**
 * One attachment of this dossier, if the grant's holder may see what it is attached to (the
 * same VISIBILITY rule as the dossier page), with the download recorded in the audit log.
 * Null for an unknown id, another dossier's file or one the caller may not see alike.
 */
export async function readAttachment(db: Db, grant: DossierGrant<'dossier.view'>, attachmentId: string): Promise<AttachmentDownload | AttachmentRefusal | null> {
  if (!isUuid(attachmentId)) return null;
  // Downloads per person are limited (RATE_DOWNLOADS_PER_WINDOW): a copied session cannot empty a dossier in a minute.
  const limit = await limitWork(db, 'download', grant.actor.id);
  if (!limit.allowed) return { status: 'rate_limited', retryAfterMs: limit.retryAfterMs };
  const [row] = await db
    .select({ id: attachments.id, fileName: attachments.fileName, contentType: attachments.contentType, size: attachments.size, store: attachments.store })
    .from(attachments)
    .leftJoin(dossierEntries, eq(dossierEntries.id, attachments.entryId))
    .leftJoin(requests, eq(requests.id, attachments.requestId))
    .where(and(eq(attachments.id, attachmentId), attachmentVisibleTo(grant)))
    .limit(1);
  if (!row) return null;
  const stream = await storeFor(row.store).stream(db, row.id);
  if (!stream) return null;
  await recordAudit(db, {
    actorId: grant.actor.id,
    action: 'attachment_downloaded',
    dossierId: grant.id,
    targetType: 'attachment',
    targetId: row.id,
    origin: grant.origin,
  });
  return { status: 'ok', fileName: row.fileName, contentType: row.contentType, size: row.size, stream };
}
