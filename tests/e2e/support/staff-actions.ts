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
    { name: 'deliveryStatesAction', args: (d) => [d] },
  ];
}
