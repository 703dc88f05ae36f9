import { removeAttachment } from '@/lib/attachments/remove-attachment';
import type { Db } from '@/lib/db/client';
import type { DossierGrant } from '@/lib/dossiers/dossier-grant';
import { lockDraft } from './lock-draft';

export type RemoveOutcome = { status: 'removed' } | { status: 'not_found' } | { status: 'not_draft' };

/**
 * 'Verwijderen' of an attachment of a 'Werkversie' of this dossier. A submitted request keeps
 * its files: the centre received them as they were.
 */
export async function removeDraftAttachment(
  db: Db,
  grant: DossierGrant<'requests.submit'>,
  requestId: string,
  attachmentId: string,
): Promise<RemoveOutcome> {
  return db.transaction(async (tx) => {
    const draft = await lockDraft(tx, grant, requestId);
    if (draft.status !== 'draft') return draft;
    const removed = await removeAttachment(tx, { dossierId: grant.id, requestId }, attachmentId, { id: grant.actor.id, origin: grant.origin });
    return removed ? { status: 'removed' as const } : { status: 'not_found' as const };
  });
}
