import { eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import type { Locale } from '@/lib/codes';
import { centres, dossiers, invitations, users, type ContactRole } from '@/lib/db/schema';
import { hashToken, isTokenShaped } from './token';

export type InvitationView =
  | {
      valid: true;
      inviterName: string;
      organisationName: string;
      role: ContactRole;
      /** The language staff chose for the invitee. */
      locale: Locale;
      /** For the audit log only; never shown. */
      invitationId: string;
      dossierId: string;
    }
  | { valid: false };

/**
 * What the invitation page may show before acceptance: who invites, for which role, at which
 * organisation — never the student. Read-only (mail scanners open links). Expired, cancelled,
 * accepted and unknown tokens all look the same.
 */
export async function findInvitationByToken(db: Db, token: string, now = new Date()): Promise<InvitationView> {
  if (!isTokenShaped(token)) return { valid: false };
  const [row] = await db
    .select({
      status: invitations.status,
      expiresAt: invitations.expiresAt,
      role: invitations.role,
      locale: invitations.locale,
      invitationId: invitations.id,
      dossierId: invitations.dossierId,
      givenName: users.givenName,
      familyName: users.familyName,
      centreName: centres.name,
    })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.invitedBy))
    .innerJoin(dossiers, eq(dossiers.id, invitations.dossierId))
    .innerJoin(centres, eq(centres.id, dossiers.centreId))
    .where(eq(invitations.tokenHash, hashToken(token)))
    .limit(1);
  if (!row || row.status !== 'pending' || row.expiresAt <= now) return { valid: false };
  return {
    valid: true,
    inviterName: `${row.givenName} ${row.familyName}`,
    organisationName: row.centreName,
    role: row.role,
    locale: row.locale,
    invitationId: row.invitationId,
    dossierId: row.dossierId,
  };
}
