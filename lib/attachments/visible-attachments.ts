import { and, asc, eq, inArray, or, type SQL } from 'drizzle-orm';
import { visibilityFor } from '@/lib/auth/permissions';
import type { Db } from '@/lib/db/client';
import { attachments, dossierEntries, requests } from '@/lib/db/schema';
import type { DossierGrant } from '@/lib/dossiers/dossier-grant';

/**
 * The one SQL rule for which attachments of the grant's dossier its holder may see: those of an
 * entry or a request they may see (VISIBILITY in lib/auth/permissions.ts). The query must join
 * `dossier_entries` and `requests` as `withOwners` does.
 */
export function attachmentVisibleTo(grant: DossierGrant<'dossier.view'>): SQL {
  const sees = visibilityFor(grant.access);
  return and(
    eq(attachments.dossierId, grant.id),
    or(
      and(eq(dossierEntries.dossierId, grant.id), inArray(dossierEntries.visibility, [...sees.entries])),
      and(eq(requests.dossierId, grant.id), inArray(requests.status, [...sees.requests])),
    ),
  )!;
}

/**
 * The attachments (metadata, never bytes) of the dossier its holder may see, oldest first: a
 * contact's query result never holds a file of an internal entry or a 'Werkversie'.
 */
export async function listVisibleAttachments(db: Db, grant: DossierGrant<'dossier.view'>) {
  return db
    .select({ id: attachments.id, entryId: attachments.entryId, requestId: attachments.requestId, fileName: attachments.fileName, size: attachments.size })
    .from(attachments)
    .leftJoin(dossierEntries, eq(dossierEntries.id, attachments.entryId))
    .leftJoin(requests, eq(requests.id, attachments.requestId))
    .where(attachmentVisibleTo(grant))
    .orderBy(asc(attachments.createdAt));
}
