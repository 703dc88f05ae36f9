import { eq, sql } from 'drizzle-orm';
import type { InviteRole, Locale } from '@/lib/codes';
import type { Db } from '@/lib/db/client';
import { centres, departments, dossiers, invitations, schools, users } from '@/lib/db/schema';
import { personName } from '@/lib/text/person-name';
import { roleOfRow } from './target';
import { hashToken, isTokenShaped } from './token';

export type InvitationView =
  | {
      valid: true;
      inviterName: string | null;
      organisationName: string;
      role: InviteRole;
      unitName: string | null;
      /** The language staff chose for a dossier invitee (staff invitations: Dutch). */
      locale: Locale;
      /** For the audit log only; never shown. */
      invitationId: string;
      /** A dossier invitation's dossier (null for a staff invitation): for the audit log only. */
      dossierId: string | null;
    }
  | { valid: false };

/**
 * What the invitation page may show before acceptance: who invites, for which role, at which
 * organisation (and, for a staff invitation, which school or department) — never a student.
 * Read-only (mail scanners open links). Expired, cancelled, accepted and unknown tokens all
 * look the same.
 */
export async function findInvitationByToken(db: Db, token: string, now = new Date()): Promise<InvitationView> {
  if (!isTokenShaped(token)) return { valid: false };
  const [row] = await db
    .select({
      status: invitations.status,
      expiresAt: invitations.expiresAt,
      role: invitations.role,
      staffRole: invitations.staffRole,
      locale: invitations.locale,
      invitationId: invitations.id,
      dossierId: invitations.dossierId,
      givenName: users.givenName,
      familyName: users.familyName,
      centreName: centres.name,
      schoolName: schools.name,
      departmentName: departments.name,
    })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .leftJoin(dossiers, eq(dossiers.id, invitations.dossierId))
    .innerJoin(centres, eq(centres.id, sql`coalesce(${invitations.centreId}, ${dossiers.centreId})`))
    .leftJoin(schools, eq(schools.id, invitations.schoolId))
    .leftJoin(departments, eq(departments.id, invitations.departmentId))
    .where(eq(invitations.tokenHash, hashToken(token)))
    .limit(1);
  if (!row || row.status !== 'pending' || row.expiresAt <= now) return { valid: false };
  return {
    valid: true,
    inviterName: row.familyName === null ? null : personName({ givenName: row.givenName, familyName: row.familyName }),
    organisationName: row.centreName,
    role: roleOfRow(row),
    unitName: row.departmentName ? `${row.departmentName} (${row.schoolName})` : row.schoolName,
    locale: row.locale,
    invitationId: row.invitationId,
    dossierId: row.dossierId,
  };
}
