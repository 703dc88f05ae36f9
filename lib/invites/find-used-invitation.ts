import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { dossierContacts, invitations, staffMemberships } from '@/lib/db/schema';
import { membershipUnitOf } from './accept-invitation';
import { hashToken, isTokenShaped } from './token';

export type UsedInvitation =
  /** The viewer accepted it and still has that access: their way back (the dossier, or a staff invitation's landing page). */
  | { state: 'yours'; next: string }
  /** The viewer accepted it, but that access was revoked (or the membership ended). */
  | { state: 'yours_revoked' }
  /** Accepted by someone else than the viewer. */
  | { state: 'someone_else' }
  /** Accepted; nobody is signed in, so whose it is cannot be said. */
  | { state: 'accepted' };

/**
 * An accepted invitation's link opened again: the mail link is a parent's only door, so it must
 * lead them back. Only the person who accepted it (their itsme `sub`, as the signed-in user) is
 * sent on, and only while they have the access it gave: a dossier invitation to the dossier, a
 * staff invitation where accepting it led (accept's `next`). Anyone else learns no dossier id and
 * nothing about the student. Read-only. Null for a pending, cancelled, expired or unknown link.
 */
export async function findUsedInvitation(db: Db, token: string, viewerId: string | null): Promise<UsedInvitation | null> {
  if (!isTokenShaped(token)) return null;
  const [row] = await db
    .select({
      status: invitations.status,
      acceptedBy: invitations.acceptedBy,
      dossierId: invitations.dossierId,
      staffRole: invitations.staffRole,
      centreId: invitations.centreId,
      schoolId: invitations.schoolId,
      departmentId: invitations.departmentId,
    })
    .from(invitations)
    .where(eq(invitations.tokenHash, hashToken(token)))
    .limit(1);
  if (!row || row.status !== 'accepted') return null;
  if (!viewerId) return { state: 'accepted' };
  if (row.acceptedBy !== viewerId) return { state: 'someone_else' };
  if (row.dossierId) {
    const [access] = await db
      .select({ id: dossierContacts.id, status: dossierContacts.status })
      .from(dossierContacts)
      .where(and(eq(dossierContacts.dossierId, row.dossierId), eq(dossierContacts.userId, viewerId), isNull(dossierContacts.revokedAt)))
      .limit(1);
    if (!access) return { state: 'yours_revoked' };
    // Awaiting the centre's confirmation: 'Mijn dossiers' says so; the dossier would be a 404.
    return { state: 'yours', next: access.status === 'confirmed' ? `/dossiers/${row.dossierId}` : '/mijn-dossiers' };
  }
  if (!row.staffRole) return null;
  const { role, unit, unitColumn, next } = membershipUnitOf(row);
  const [membership] = await db
    .select({ id: staffMemberships.id })
    .from(staffMemberships)
    .where(and(eq(staffMemberships.userId, viewerId), eq(staffMemberships.role, role), eq(unitColumn, unit.id), eq(staffMemberships.active, true)))
    .limit(1);
  return membership ? { state: 'yours', next } : { state: 'yours_revoked' };
}
