import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit/record-event';
import { saveAttachments } from '@/lib/attachments/save-attachments';
import type { ValidFile } from '@/lib/attachments/validate-upload';
import type { Db } from '@/lib/db/client';
import { requests } from '@/lib/db/schema';
import type { DossierGrant } from '@/lib/dossiers/dossier-grant';
import type { NewRequest } from './create-request';
import { lockDraft } from './lock-draft';
import { submitRequest } from './submit-request';

export type EditDraftOutcome = { status: 'saved' } | { status: 'submitted' } | { status: 'not_found' } | { status: 'not_draft' };

/**
 * 'Werkversie bewerken': a draft request of this dossier gets a new kind and question and any
 * added attachments, and with `submit` goes to the centre ('Indienen') in the same transaction.
 * Only a 'Werkversie' changes: a submitted request is refused ('not_draft').
 */
export async function editDraft(
  db: Db,
  grant: DossierGrant<'requests.submit'>,
  requestId: string,
  input: NewRequest,
  files: readonly ValidFile[] = [],
): Promise<EditDraftOutcome> {
  const actor = { id: grant.actor.id, origin: grant.origin };
  return db.transaction(async (tx) => {
    const draft = await lockDraft(tx, grant, requestId);
    if (draft.status !== 'draft') return draft;
    await tx.update(requests).set({ type: input.type, description: input.description, updatedAt: sql`now()` }).where(eq(requests.id, requestId));
    const changed = [draft.type !== input.type && 'type', draft.description !== input.description && 'description'].filter(Boolean);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'request_edited',
      dossierId: grant.id,
      targetType: 'request',
      targetId: requestId,
      details: { changed, attachments: files.length },
      origin: actor.origin,
    });
    await saveAttachments(tx, { dossierId: grant.id, requestId }, files, actor);
    if (!input.submit) return { status: 'saved' as const };
    // The row is locked by this transaction already; the step runs in a savepoint of it.
    const submitted = await submitRequest(tx, grant, requestId);
    if (submitted.status !== 'submitted') throw new Error(`draft ${requestId} could not be submitted: ${submitted.status}`);
    return { status: 'submitted' as const };
  });
}
