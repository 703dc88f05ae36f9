/**
 * Every code the product stores, once. No imports: the browser, the database enums
 * (lib/db/schema.ts), the form schemas, the mail templates and the labels (lib/i18n) all
 * take their lists and types from here.
 */
export const STAFF_ROLES = ['centre_staff', 'school_manager', 'department_manager'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const CONTACT_ROLES = ['parent', 'teacher', 'clb', 'care_provider'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

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
