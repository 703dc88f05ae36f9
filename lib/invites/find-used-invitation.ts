import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { dossierContacts, invitations } from '@/lib/db/schema';
import { hashToken, isTokenShaped } from './token';

export type UsedInvitation =
  /** The viewer accepted it and still has access: their way back into the dossier. */
  | { state: 'yours'; dossierId: string }
  /** The viewer accepted it, but that access was revoked. */
  | { state: 'yours_revoked' }
  /** Accepted by someone else than the viewer. */
  | { state: 'someone_else' }
  /** Accepted; nobody is signed in, so whose it is cannot be said. */
  | { state: 'accepted' };

/**
 * An accepted invitation's link opened again: the mail link is a parent's only door, so it must
 * lead them back. Only the person who accepted it (their itsme `sub`, as the signed-in user) is
 * sent to the dossier, and only while they have access; anyone else learns no dossier id and
 * nothing about the student. Read-only. Null for a pending, cancelled, expired or unknown link.
 */
export async function findUsedInvitation(db: Db, token: string, viewerId: string | null): Promise<UsedInvitation | null> {
  if (!isTokenShaped(token)) return null;
  const [row] = await db
    .select({ status: invitations.status, acceptedBy: invitations.acceptedBy, dossierId: invitations.dossierId })
    .from(invitations)
    .where(eq(invitations.tokenHash, hashToken(token)))
    .limit(1);
  if (!row || row.status !== 'accepted') return null;
  if (!viewerId) return { state: 'accepted' };
  if (row.acceptedBy !== viewerId) return { state: 'someone_else' };
  const [access] = await db
    .select({ id: dossierContacts.id })
    .from(dossierContacts)
    .where(and(eq(dossierContacts.dossierId, row.dossierId), eq(dossierContacts.userId, viewerId), isNull(dossierContacts.revokedAt)))
    .limit(1);
  return access ? { state: 'yours', dossierId: row.dossierId } : { state: 'yours_revoked' };
}
