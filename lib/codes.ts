/**
 * Every code the product stores, once. No imports: the browser, the database enums
 * (lib/db/schema.ts), the form schemas, the mail templates and the labels (lib/i18n) all
 * take their lists and types from here.
 */
export const STAFF_ROLES = ['centre_staff', 'school_manager', 'department_manager'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The organisation's units: a staff membership or a staff invitation belongs to exactly one. */
export const UNIT_KINDS = ['centre', 'school', 'department'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** The one staff role a unit's members hold (a centre's staff, a school's manager, a department's manager). */
export const STAFF_ROLE_OF_UNIT = {
  centre: 'centre_staff',
  school: 'school_manager',
  department: 'department_manager',
} as const satisfies Record<UnitKind, StaffRole>;

export const CONTACT_ROLES = ['parent', 'teacher', 'clb', 'care_provider'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

/** What an invitation offers: a dossier contact role or a staff role. */
export type InviteRole = ContactRole | StaffRole;
export const INVITE_ROLES = [...CONTACT_ROLES, ...STAFF_ROLES] as const;

export function isStaffRole(role: string): role is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(role);
}

export const REQUEST_TYPES = ['support_request', 'extension', 'advice'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const REQUEST_STATUSES = ['draft', 'submitted', 'in_progress', 'completed'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const ENTRY_KINDS = ['note', 'report', 'meeting'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** `expired` is not stored: it is derived from `expires_at` of a pending invitation. */
export const INVITATION_STATUSES = ['pending', 'accepted', 'cancelled'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export const MAIL_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/** Who sees a dossier entry: contacts too ('Gedeeld met contacten'), or staff only ('Intern'). */
export const ENTRY_VISIBILITIES = ['shared', 'internal'] as const;
export type EntryVisibility = (typeof ENTRY_VISIBILITIES)[number];

/** Where an attachment's bytes live: the database (bytea) by default, an S3-compatible store later. */
export const ATTACHMENT_STORES = ['database'] as const;
export type AttachmentStore = (typeof ATTACHMENT_STORES)[number];
