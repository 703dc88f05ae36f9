import type { ContactRole, StaffRole } from '@/lib/codes';
import type { Membership } from './find-session';
import { isStaff } from './scope';

/**
 * The permission table (DOMAIN.md), the one source for server checks and for what the UI shows.
 * A caller's access to a dossier is either through their organisation role (staff whose scope
 * holds the student) or through an active dossier contact. No access at all is a 404.
 */
export const DOSSIER_ACTIONS = [
  /** Open the dossier (header, requests, entries). */
  'dossier.view',
  /** See who has access ('Beheer contacten'). */
  'contacts.view',
  /** Check, invite, resend, cancel, revoke, retry a mail. */
  'contacts.manage',
  /** The dossier's audit log ('Logboek'). */
  'audit.view',
] as const;
export type DossierAction = (typeof DOSSIER_ACTIONS)[number];

export type DossierAccess =
  | { kind: 'staff'; role: StaffRole }
  | { kind: 'contact'; role: ContactRole };

type Grantee = 'staff' | ContactRole;

const readOnly = { 'dossier.view': true, 'contacts.view': false, 'contacts.manage': false, 'audit.view': false };

export const PERMISSIONS: Record<Grantee, Record<DossierAction, boolean>> = {
  staff: { 'dossier.view': true, 'contacts.view': true, 'contacts.manage': true, 'audit.view': true },
  parent: { ...readOnly, 'contacts.view': true },
  teacher: readOnly,
  clb: readOnly,
  care_provider: readOnly,
};

export function can(access: DossierAccess | null | undefined, action: DossierAction): boolean {
  if (!access) return false;
  return PERMISSIONS[access.kind === 'staff' ? 'staff' : access.role][action];
}

/** 'Beheer aanvragen' is for anyone with an active organisation role, limited to their scope (lib/auth/scope.ts). */
export function canListRequests(memberships: readonly Membership[]): boolean {
  return isStaff(memberships);
}
