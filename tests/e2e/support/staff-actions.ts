/** The server actions of 'Beheer contacten': every one takes a dossier id first. */
export const CONTACTS_ACTIONS_FILE = 'app/dossiers/[id]/contacten/actions.ts';

/** A well-formed id that names no invitation or contact. */
export const NO_SUCH_ID = '11111111-1111-4111-8111-111111111111';

/** Each staff action with harmless arguments (unknown sub-ids) for a dossier. */
export function staffActions(email: string): { name: string; args: (dossierId: string) => unknown[] }[] {
  return [
    { name: 'checkInviteAction', args: (d) => [d, { role: 'parent', email }] },
    { name: 'sendInviteAction', args: (d) => [d, { role: 'parent', email, checkToken: 'x' }] },
    { name: 'resendInviteAction', args: (d) => [d, NO_SUCH_ID] },
    { name: 'cancelInviteAction', args: (d) => [d, NO_SUCH_ID] },
    { name: 'retryMailAction', args: (d) => [d, NO_SUCH_ID] },
    { name: 'revokeContactAction', args: (d) => [d, NO_SUCH_ID] },
    { name: 'confirmContactAction', args: (d) => [d, NO_SUCH_ID] },
    { name: 'refuseContactAction', args: (d) => [d, NO_SUCH_ID] },
    { name: 'deliveryStatesAction', args: (d) => [d] },
    // The invitation page's form (before JavaScript): a hostile client's plain object instead of a FormData is an empty Check.
    { name: 'inviteFormAction', args: (d) => [d, null, { step: 'send', role: 'parent', email, checkToken: 'x' }] },
  ];
}

/** The dossier page's server actions (app/dossiers/[id]/actions.ts): every one takes a dossier id first. */
export const DOSSIER_ACTIONS_FILE = 'app/dossiers/[id]/actions.ts';

/** 'Nieuwe aanvraag' (no dossier yet: its own rule, school and department managers only). */
export const NEW_REQUEST_ACTIONS_FILE = 'app/(staff)/aanvragen/nieuw/actions.ts';

/**
 * Each dossier action with the permission it needs and harmless arguments: the form is not a
 * FormData (a hostile client's plain object), so an allowed caller gets a refusal in Dutch (200)
 * and everyone else the 404 before the form is read.
 */
export function dossierActions(): { name: string; needs: 'write' | 'submit'; args: (dossierId: string) => unknown[] }[] {
  return [
    { name: 'createEntryAction', needs: 'write', args: (d) => [d, null, { title: 'x' }] },
    { name: 'editEntryAction', needs: 'write', args: (d) => [d, NO_SUCH_ID, null, { title: 'x' }] },
    { name: 'takeUpRequestAction', needs: 'write', args: (d) => [d, NO_SUCH_ID, null, { assigneeId: NO_SUCH_ID }] },
    { name: 'completeRequestAction', needs: 'write', args: (d) => [d, NO_SUCH_ID, null, { closingNote: 'x' }] },
    { name: 'submitRequestAction', needs: 'submit', args: (d) => [d, NO_SUCH_ID, null, {}] },
    { name: 'editDraftAction', needs: 'submit', args: (d) => [d, NO_SUCH_ID, null, { type: 'advice', description: 'x' }] },
    { name: 'removeDraftAttachmentAction', needs: 'submit', args: (d) => [d, NO_SUCH_ID, null, { attachmentId: NO_SUCH_ID }] },
  ];
}
