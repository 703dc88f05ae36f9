import { CONTACT_STATUSES, REQUEST_STATUSES, type ContactRole, type ContactStatus, type EntryVisibility, type RequestStatus, type StaffRole, type UnitKind } from '@/lib/codes';
import type { Membership } from './find-session';
import { isStaff } from './scope';

/**
 * The permission table (DOMAIN.md), the one source for server checks and for what the UI shows.
 * A caller's access to a dossier is either through their organisation role (staff whose scope
 * holds the student) or through an active dossier contact. No access at all is a 404.
 */
export const DOSSIER_ACTIONS = [
  /** Open the dossier (header, requests, entries — as far as VISIBILITY below allows). */
  'dossier.view',
  /** See who has access ('Beheer contacten'). */
  'contacts.view',
  /** Check, invite, resend, cancel, revoke, retry a mail. */
  'contacts.manage',
  /** The dossier's audit log ('Logboek'). */
  'audit.view',
  /** Write and edit dossier entries (note, report, meeting) and their attachments. */
  'entries.write',
  /** Take up a submitted request ('In behandeling') and close it ('Afgerond'). */
  'requests.work',
  /** Write a request for this dossier's student, save it as 'Werkversie' and submit it ('Indienen'). */
  'requests.submit',
] as const;
export type DossierAction = (typeof DOSSIER_ACTIONS)[number];

export type DossierAccess =
  | { kind: 'staff'; role: StaffRole }
  | { kind: 'contact'; role: ContactRole };

export type Grantee = StaffRole | ContactRole;

const readOnly: Record<DossierAction, boolean> = {
  'dossier.view': true,
  'contacts.view': false,
  'contacts.manage': false,
  'audit.view': false,
  'entries.write': false,
  'requests.work': false,
  'requests.submit': false,
};
const staffCommon = { ...readOnly, 'contacts.view': true, 'contacts.manage': true, 'audit.view': true };
/** School and department managers write requests; the centre works them and writes the dossier. */
const manager = { ...staffCommon, 'requests.submit': true };

export const PERMISSIONS: Record<Grantee, Record<DossierAction, boolean>> = {
  centre_staff: { ...staffCommon, 'entries.write': true, 'requests.work': true },
  school_manager: manager,
  department_manager: manager,
  parent: { ...readOnly, 'contacts.view': true },
  teacher: readOnly,
  clb: readOnly,
  care_provider: readOnly,
};

const ALL_STATUSES: readonly RequestStatus[] = REQUEST_STATUSES;
const SUBMITTED: readonly RequestStatus[] = REQUEST_STATUSES.filter((s) => s !== 'draft');
const contactSees = { entries: ['shared'], requests: SUBMITTED } as const;

/**
 * What of a dossier each grantee sees (DOMAIN.md): staff in scope everything, except that a
 * 'Werkversie' is the school's own until it is submitted; contacts only shared entries and
 * submitted requests. Read by the dossier's queries and by the download route.
 */
export const VISIBILITY: Record<Grantee, { entries: readonly EntryVisibility[]; requests: readonly RequestStatus[] }> = {
  centre_staff: { entries: ['shared', 'internal'], requests: SUBMITTED },
  school_manager: { entries: ['shared', 'internal'], requests: ALL_STATUSES },
  department_manager: { entries: ['shared', 'internal'], requests: ALL_STATUSES },
  parent: contactSees,
  teacher: contactSees,
  clb: contactSees,
  care_provider: contactSees,
};

/**
 * Which dossier contacts give access at all. Only a confirmed one: a contact awaiting the
 * centre's confirmation (the itsme name did not match the expected name, or a parent was
 * invited without one) sees nothing of the dossier, and neither does a refused one.
 */
export const CONTACT_GIVES_ACCESS: Record<ContactStatus, boolean> = {
  confirmed: true,
  awaiting_confirmation: false,
  refused: false,
};
export const ACCESS_GIVING_CONTACT_STATUSES = CONTACT_STATUSES.filter((status) => CONTACT_GIVES_ACCESS[status]);

export function can(access: DossierAccess | null | undefined, action: DossierAction): boolean {
  if (!access) return false;
  return PERMISSIONS[access.role][action];
}

/** What this access sees of the dossier's entries and requests. */
export function visibilityFor(access: DossierAccess) {
  return VISIBILITY[access.role];
}

/** 'Beheer aanvragen' is for anyone with an active organisation role, limited to their scope (lib/auth/scope.ts). */
export function canListRequests(memberships: readonly Membership[]): boolean {
  return isStaff(memberships);
}

/**
 * The organisation (DOMAIN.md, 'The organisation and its requests'): what a caller may do on one
 * unit — a centre, a school, a department — by the widest role they hold over it
 * (lib/auth/scope.ts, unitRoleFor). No role over the unit, or `false` here, is the same 404.
 */
export const UNIT_ACTIONS = [
  /** Open the unit's page in 'Beheer organisatie' (its staff, its departments). */
  'unit.view',
  /** Add, rename, deactivate schools and departments under (and including) the unit. */
  'units.manage',
  /** Invite the unit's staff role, resend, cancel, retry, and 'Toegang intrekken' of its memberships. */
  'staff.manage',
  /**
   * 'Koppel opnieuw' (a centre only): give a person the centre knows the new itsme account they
   * re-created (a new `sub`), so their contacts and memberships follow them (lib/people/relink-identity.ts).
   */
  'people.relink',
] as const;
export type UnitAction = (typeof UNIT_ACTIONS)[number];

const none = { 'unit.view': false, 'units.manage': false, 'staff.manage': false, 'people.relink': false };
const all = { 'unit.view': true, 'units.manage': true, 'staff.manage': true, 'people.relink': true };
/** A person belongs to the centre, not to one school: 'Koppel opnieuw' is on the centre's page only. */
const allButPeople = { ...all, 'people.relink': false };

/** Rows: the caller's role over the unit; columns: the unit's kind. */
export const UNIT_PERMISSIONS: Record<StaffRole, Record<UnitKind, Record<UnitAction, boolean>>> = {
  // Centre staff: their centre's staff, schools and departments, and 'Koppel opnieuw' for its people.
  centre_staff: { centre: all, school: allButPeople, department: allButPeople },
  // A school manager: sees their school, invites and removes the managers of its departments.
  school_manager: {
    centre: none,
    school: { ...none, 'unit.view': true },
    department: { ...none, 'unit.view': true, 'staff.manage': true },
  },
  department_manager: { centre: none, school: none, department: none },
};

export function canOnUnit(role: StaffRole | null | undefined, kind: UnitKind, action: UnitAction): boolean {
  if (!role) return false;
  return UNIT_PERMISSIONS[role][kind][action];
}

/** 'Beheer organisatie' in the navigation: for a role that may open some unit's page. */
export function canOpenOrganisation(memberships: readonly Membership[]): boolean {
  return memberships.some((m) => Object.values(UNIT_PERMISSIONS[m.role]).some((kind) => kind['unit.view']));
}

/** 'Nieuwe aanvraag': school and department managers (of their own school or department). */
export function canSubmitRequests(memberships: readonly Membership[]): boolean {
  return memberships.some((m) => PERMISSIONS[m.role]['requests.submit']);
}
