import { redirect } from 'next/navigation';
import { InvitePage } from '@/components/invites/invite-page';
import { unitSubject } from '@/components/invites/invite-subject';
import { roleFromSlug } from '@/lib/invites/role-slug';
import { requireUnit } from '@/lib/organisation/require-unit';
import type { UnitRef } from '@/lib/organisation/unit-grant';
import { unitPath } from '@/lib/organisation/unit-path';
import { staffInviteFormAction } from './actions';

/**
 * 'Nodig iemand nieuw uit' of a unit's staff (the centre, a school, a department) as a page:
 * the same invitation page as a dossier's, for the unit's one staff role. Only for a caller
 * who may manage this unit's staff (else the same 404 as an unknown unit).
 */
export async function UnitInvitePage({ unit: ref, rol }: { unit: UnitRef; rol: unknown }) {
  const path = `${unitPath(ref)}/uitnodigen`;
  const { grant } = await requireUnit(ref, 'staff.manage', path);
  const { unit } = grant;
  // A deactivated unit takes no new staff (its page offers no invitation either).
  if (!unit.active) redirect(unitPath(unit));
  const roles = [unit.staffRole];
  return (
    <InvitePage
      subject={unitSubject(unit)}
      roles={roles}
      role={roleFromSlug(rol, roles)}
      path={path}
      backHref={unitPath(unit)}
      action={staffInviteFormAction.bind(null, { kind: unit.kind, id: unit.id })}
    />
  );
}
