import { and, eq } from 'drizzle-orm';
import type { RequestType } from '@/lib/codes';
import type { Db } from '@/lib/db/client';
import { requests } from '@/lib/db/schema';
import type { DossierGrant } from '@/lib/dossiers/dossier-grant';
import { isUuid } from '@/lib/text/uuid';

export type DraftLock = { status: 'draft'; type: RequestType; description: string } | { status: 'not_found' } | { status: 'not_draft' };

/**
 * Inside the caller's transaction: this dossier's request, locked until commit, if it is still a
 * 'Werkversie'. The lock keeps 'Indienen' (moveRequest locks the same row) from slipping in
 * between the check and the change: a submitted request's content and files stay as submitted.
 */
export async function lockDraft(tx: Db, grant: DossierGrant<'requests.submit'>, requestId: string): Promise<DraftLock> {
  if (!isUuid(requestId)) return { status: 'not_found' };
  const [row] = await tx
    .select({ status: requests.status, type: requests.type, description: requests.description })
    .from(requests)
    .where(and(eq(requests.id, requestId), eq(requests.dossierId, grant.id)))
    .for('update');
  if (!row) return { status: 'not_found' };
  if (row.status !== 'draft') return { status: 'not_draft' };
  return { status: 'draft', type: row.type, description: row.description };
}
