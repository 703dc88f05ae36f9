import { and, eq, isNull, type SQL } from 'drizzle-orm';
import { CONTACT_ROLES, type InviteRole } from '@/lib/codes';
import { invitations } from '@/lib/db/schema';
import type { DossierGrant } from '@/lib/dossiers/dossier-grant';
import type { Unit, UnitGrant } from '@/lib/organisation/unit-grant';

/**
 * What an invitation is for: a contact on one dossier, or a staff membership of one unit (a
 * centre, a school, a department). One invitation table and one machinery serve both; only
 * the target differs.
 */
export type InviteTarget = { kind: 'dossier'; dossierId: string; centreId: string } | { kind: 'unit'; unit: Unit };

/** The grant every invitation function takes: the dossier's 'contacts.manage' or the unit's 'staff.manage'. */
export type InviteGrant = DossierGrant<'contacts.manage'> | UnitGrant<'staff.manage'>;

export function targetOf(grant: InviteGrant): InviteTarget {
  return 'unit' in grant ? { kind: 'unit', unit: grant.unit } : { kind: 'dossier', dossierId: grant.id, centreId: grant.centreId };
}

/** The roles an invitation for this target may offer: the contact roles, or the unit's one staff role. */
export function rolesFor(target: InviteTarget): readonly InviteRole[] {
  return target.kind === 'dossier' ? CONTACT_ROLES : [target.unit.staffRole];
}

export function offersRole(target: InviteTarget, role: InviteRole): boolean {
  return rolesFor(target).includes(role);
}

/** A stable name of the target (the Check token binds to it). */
export function targetKey(target: InviteTarget): string {
  return target.kind === 'dossier' ? target.dossierId : `${target.unit.kind}:${target.unit.id}`;
}

/** Invitations of this target. */
export function invitationsOf(target: InviteTarget): SQL {
  if (target.kind === 'dossier') return eq(invitations.dossierId, target.dossierId);
  const { unit } = target;
  const own =
    unit.kind === 'centre'
      ? and(eq(invitations.centreId, unit.id), isNull(invitations.schoolId))
      : unit.kind === 'school'
        ? and(eq(invitations.schoolId, unit.id), isNull(invitations.departmentId))
        : eq(invitations.departmentId, unit.id);
  return and(isNull(invitations.dossierId), own)!;
}

/** The columns that name the target on a new invitation row. */
export function targetColumns(target: InviteTarget, role: InviteRole) {
  if (target.kind === 'dossier') return { dossierId: target.dossierId, role: role as (typeof CONTACT_ROLES)[number] };
  const { unit } = target;
  return { staffRole: unit.staffRole, centreId: unit.centreId, schoolId: unit.schoolId, departmentId: unit.departmentId };
}

/** The centre whose name the mail and the landing page carry. */
export function centreOf(target: InviteTarget): string {
  return target.kind === 'dossier' ? target.centreId : target.unit.centreId;
}

/** The dossier an audit event of this target belongs to (none for a staff invitation). */
export function auditDossierOf(target: InviteTarget): string | null {
  return target.kind === 'dossier' ? target.dossierId : null;
}

/** What the audit details add for a staff invitation: its unit. */
export function auditUnitOf(target: InviteTarget): Record<string, string> {
  return target.kind === 'unit' ? { unitKind: target.unit.kind, unitId: target.unit.id } : {};
}

/** The role of a stored invitation row, whichever target it has. */
export function roleOfRow(row: { role: InviteRole | null; staffRole: InviteRole | null }): InviteRole {
  return (row.role ?? row.staffRole)!;
}
