import { eq, sql } from 'drizzle-orm';
import type { InviteRole } from '@/lib/codes';
import type { Db } from '@/lib/db/client';
import { centres, departments, dossiers, invitations, schools, users } from '@/lib/db/schema';
import { roleOfRow } from './target';
import { hashToken, isTokenShaped } from './token';

export type InvitationView =
  | { valid: true; inviterName: string | null; organisationName: string; role: InviteRole; unitName: string | null }
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
    inviterName: row.givenName === null ? null : `${row.givenName} ${row.familyName}`,
    organisationName: row.centreName,
    role: roleOfRow(row),
    unitName: row.departmentName ? `${row.departmentName} (${row.schoolName})` : row.schoolName,
  };
}
