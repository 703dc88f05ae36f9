import { and, eq, isNull } from 'drizzle-orm';
import type { InviteRole } from '@/lib/codes';
import type { Db } from '@/lib/db/client';
import { dossierContacts, invitations, staffMemberships } from '@/lib/db/schema';
import { unitColumns } from '@/lib/organisation/unit-grant';
import { invitationsOf, roleOfRow, type InviteTarget } from './target';

/**
 * What this address already has on *this* target: an active contact of the dossier or an active
 * membership of the unit reached through an invitation to this address, or an open invitation.
 * Only invitation addresses count: the e-mail a person gave itsme is unverified (anyone can type
 * any address), so matching it would let a contact or a staff member block invitations to any
 * address on their dossier or unit. Nothing outside the target is looked at, so an answer never
 * says an account exists elsewhere.
 */
export async function findAddressOnTarget(
  db: Db,
  target: InviteTarget,
  emailKey: string,
): Promise<{ existingRole: InviteRole | null; openInvitation: { id: string; role: InviteRole } | null }> {
  const [existing] = target.kind === 'dossier' ? await contactOf(db, target.dossierId, emailKey) : await memberOf(db, target, emailKey);
  const [open] = await db
    .select({ id: invitations.id, role: invitations.role, staffRole: invitations.staffRole })
    .from(invitations)
    .where(and(invitationsOf(target), eq(invitations.emailKey, emailKey), eq(invitations.status, 'pending')))
    .limit(1);
  return { existingRole: existing?.role ?? null, openInvitation: open ? { id: open.id, role: roleOfRow(open) } : null };
}

function contactOf(db: Db, dossierId: string, emailKey: string) {
  return db
    .select({ role: dossierContacts.role })
    .from(dossierContacts)
    .innerJoin(invitations, eq(invitations.id, dossierContacts.invitationId))
    .where(and(eq(dossierContacts.dossierId, dossierId), isNull(dossierContacts.revokedAt), eq(invitations.emailKey, emailKey)))
    .limit(1);
}

function memberOf(db: Db, target: Extract<InviteTarget, { kind: 'unit' }>, emailKey: string) {
  const cols = unitColumns(target.unit);
  const unitWhere =
    target.unit.kind === 'centre'
      ? eq(staffMemberships.centreId, cols.centreId!)
      : target.unit.kind === 'school'
        ? eq(staffMemberships.schoolId, cols.schoolId!)
        : eq(staffMemberships.departmentId, cols.departmentId!);
  return db
    .select({ role: staffMemberships.role })
    .from(staffMemberships)
    .innerJoin(invitations, eq(invitations.id, staffMemberships.invitationId))
    .where(and(unitWhere, eq(staffMemberships.active, true), eq(invitations.emailKey, emailKey)))
    .limit(1);
}
