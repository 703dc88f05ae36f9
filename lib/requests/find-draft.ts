import { and, asc, eq } from 'drizzle-orm';
import type { RequestStatus, RequestType } from '@/lib/codes';
import type { Db } from '@/lib/db/client';
import { attachments, requests } from '@/lib/db/schema';
import type { DossierGrant } from '@/lib/dossiers/dossier-grant';
import { isUuid } from '@/lib/text/uuid';

export type DraftForEditing = {
  id: string;
  status: RequestStatus;
  type: RequestType;
  description: string;
  attachments: { id: string; fileName: string; size: number }[];
};

/** A request of this dossier as 'Werkversie bewerken' shows it (its status, so a submitted one can be refused), or null. */
export async function findDraft(db: Db, grant: DossierGrant<'requests.submit'>, requestId: string): Promise<DraftForEditing | null> {
  if (!isUuid(requestId)) return null;
  const [row] = await db
    .select({ id: requests.id, status: requests.status, type: requests.type, description: requests.description })
    .from(requests)
    .where(and(eq(requests.id, requestId), eq(requests.dossierId, grant.id)));
  if (!row) return null;
  const files = await db
    .select({ id: attachments.id, fileName: attachments.fileName, size: attachments.size })
    .from(attachments)
    .where(and(eq(attachments.requestId, row.id), eq(attachments.dossierId, grant.id)))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
  return { ...row, attachments: files };
}
