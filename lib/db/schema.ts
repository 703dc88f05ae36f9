import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import {
  ATTACHMENT_STORES,
  CONTACT_ROLES,
  ENTRY_KINDS,
  ENTRY_VISIBILITIES,
  INVITATION_STATUSES,
  MAIL_STATUSES,
  REQUEST_STATUSES,
  REQUEST_TYPES,
  STAFF_ROLES,
} from '../codes';

const id = () => uuid('id').primaryKey().defaultRandom();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const at = (name: string) => timestamp(name, { withTimezone: true });

// ── Enums (their values live in lib/codes.ts) ─────────────────────────────────────────────
export const staffRole = pgEnum('staff_role', STAFF_ROLES);
export const contactRole = pgEnum('contact_role', CONTACT_ROLES);
export const requestType = pgEnum('request_type', REQUEST_TYPES);
export const requestStatus = pgEnum('request_status', REQUEST_STATUSES);
export const entryKind = pgEnum('entry_kind', ENTRY_KINDS);
export const invitationStatus = pgEnum('invitation_status', INVITATION_STATUSES);
export const mailStatus = pgEnum('mail_status', MAIL_STATUSES);
export const entryVisibility = pgEnum('entry_visibility', ENTRY_VISIBILITIES);
export const attachmentStore = pgEnum('attachment_store', ATTACHMENT_STORES);

/** Raw bytes (PostgreSQL bytea) as a Node Buffer / Uint8Array. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

// ── Organisations ────────────────────────────────────────────────────────────────────────
export const centres = pgTable('centres', {
  id: id(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

export const schools = pgTable(
  'schools',
  {
    id: id(),
    centreId: uuid('centre_id').notNull().references(() => centres.id),
    name: text('name').notNull(),
    /** Deactivated, never deleted: requests and dossiers keep pointing at it. */
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    index('schools_centre_idx').on(t.centreId),
    uniqueIndex('schools_name_per_centre_uq').on(t.centreId, sql`lower(${t.name})`),
  ],
);

export const departments = pgTable(
  'departments',
  {
    id: id(),
    schoolId: uuid('school_id').notNull().references(() => schools.id),
    name: text('name').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    index('departments_school_idx').on(t.schoolId),
    uniqueIndex('departments_name_per_school_uq').on(t.schoolId, sql`lower(${t.name})`),
  ],
);

// ── People and sessions ──────────────────────────────────────────────────────────────────
export const users = pgTable('users', {
  id: id(),
  /** itsme's subject: the identity. Never the e-mail address. */
  itsmeSub: text('itsme_sub').notNull().unique(),
  /** itsme "MAY NOT" return a given name: null then, never an empty string. */
  givenName: text('given_name'),
  familyName: text('family_name').notNull(),
  /** Contact address as itsme reported it (always unverified): never used to link accounts. */
  email: text('email'),
  createdAt: createdAt(),
  lastLoginAt: at('last_login_at'),
});

/** Auth.js database sessions (the only adapter table we need: the itsme `sub` lives on users). */
export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 (hex) of the cookie's token: a copy of this table opens no session. */
    sessionToken: text('session_token').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Absolute end of the session. */
    expires: at('expires').notNull(),
    createdAt: createdAt(),
    /** For the idle timeout. */
    lastSeenAt: at('last_seen_at').notNull().defaultNow(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const staffMemberships = pgTable(
  'staff_memberships',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: staffRole('role').notNull(),
    centreId: uuid('centre_id').references(() => centres.id),
    schoolId: uuid('school_id').references(() => schools.id),
    departmentId: uuid('department_id').references(() => departments.id),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    /** Null for memberships made before invitations (or by the demo seed). */
    invitationId: uuid('invitation_id').references((): AnyPgColumn => invitations.id),
    invitedBy: uuid('invited_by').references(() => users.id),
    /** 'Toegang intrekken': the membership ends (active = false) and keeps who ended it, when. */
    endedBy: uuid('ended_by').references(() => users.id),
    endedAt: at('ended_at'),
  },
  (t) => [
    index('staff_memberships_user_idx').on(t.userId),
    index('staff_memberships_centre_idx').on(t.centreId),
    index('staff_memberships_school_idx').on(t.schoolId),
    index('staff_memberships_department_idx').on(t.departmentId),
    check(
      'staff_memberships_unit_matches_role',
      sql`(${t.role} = 'centre_staff' and ${t.centreId} is not null and ${t.schoolId} is null and ${t.departmentId} is null)
       or (${t.role} = 'school_manager' and ${t.schoolId} is not null and ${t.centreId} is null and ${t.departmentId} is null)
       or (${t.role} = 'department_manager' and ${t.departmentId} is not null and ${t.centreId} is null and ${t.schoolId} is null)`,
    ),
  ],
);

// ── Students, dossiers, requests, entries ────────────────────────────────────────────────
export const students = pgTable(
  'students',
  {
    id: id(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    departmentId: uuid('department_id').references(() => departments.id),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    /** Lower-case, accent-free "family given" for prefix search. */
    searchName: text('search_name').notNull(),
    birthYear: smallint('birth_year').notNull(),
    /** Known for students added through 'Nieuwe aanvraag'; the duplicate check compares it. */
    birthDate: date('birth_date', { mode: 'string' }),
    className: text('class_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('students_school_idx').on(t.schoolId),
    index('students_duplicate_idx').on(t.centreId, t.searchName, t.birthDate),
    index('students_search_idx').using('btree', sql`${t.searchName} text_pattern_ops`),
    // Name search matches the start of any word (`LIKE '% term%'`), which a btree cannot serve:
    // trigrams can, so a rare name is found without reading every student (pg_trgm).
    index('students_search_trgm_idx').using('gin', sql`${t.searchName} gin_trgm_ops`),
  ],
);

export const dossiers = pgTable(
  'dossiers',
  {
    id: id(),
    studentId: uuid('student_id')
      .notNull()
      .references(() => students.id),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('dossiers_student_centre_uq').on(t.studentId, t.centreId)],
);

export const requests = pgTable(
  'requests',
  {
    id: id(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    studentId: uuid('student_id')
      .notNull()
      .references(() => students.id),
    // Scope columns copied from the student so the list is one indexed range per scope.
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    departmentId: uuid('department_id').references(() => departments.id),
    type: requestType('type').notNull(),
    status: requestStatus('status').notNull().default('draft'),
    description: text('description').notNull().default(''),
    /** The school or department manager who wrote it (null for imported rows). */
    createdBy: uuid('created_by').references(() => users.id),
    /** The begeleider: the centre staff member who took it up. */
    assigneeId: uuid('assignee_id').references(() => users.id),
    closingNote: text('closing_note'),
    submittedAt: at('submitted_at'),
    closedAt: at('closed_at'),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('requests_dossier_idx').on(t.dossierId),
    index('requests_student_idx').on(t.studentId),
    // ORDER BY created_at DESC, id DESC means NULLS FIRST: only an index declared so serves it.
    index('requests_centre_keyset_idx').on(t.centreId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('requests_school_keyset_idx').on(t.schoolId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('requests_department_keyset_idx').on(t.departmentId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('requests_centre_status_keyset_idx').on(t.centreId, t.status, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('requests_assignee_idx').on(t.assigneeId),
  ],
);

/** Every status a request went through, with who moved it and why: its history on the dossier. */
export const requestStatusChanges = pgTable(
  'request_status_changes',
  {
    id: id(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id),
    status: requestStatus('status').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    assigneeId: uuid('assignee_id').references(() => users.id),
    note: text('note'),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [index('request_status_changes_request_idx').on(t.requestId, t.at)],
);

export const dossierEntries = pgTable(
  'dossier_entries',
  {
    id: id(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    authorId: uuid('author_id').references(() => users.id),
    kind: entryKind('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    /** 'shared': contacts see it ('Gedeeld met contacten'); 'internal': staff only. */
    visibility: entryVisibility('visibility').notNull().default('internal'),
    /** 1 for a new entry; every edit keeps the previous text in dossier_entry_versions. */
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: at('updated_at'),
    createdAt: createdAt(),
  },
  (t) => [index('dossier_entries_dossier_idx').on(t.dossierId, t.occurredOn.desc().nullsFirst())],
);

/** The earlier versions of an entry: what it said before each edit, and who wrote that version when. */
export const dossierEntryVersions = pgTable(
  'dossier_entry_versions',
  {
    id: id(),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => dossierEntries.id),
    version: integer('version').notNull(),
    kind: entryKind('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    visibility: entryVisibility('visibility').notNull(),
    /** Who wrote this version and when (the author or the previous editor). */
    writtenBy: uuid('written_by').references(() => users.id),
    writtenAt: at('written_at').notNull(),
    /** Who replaced it and when. */
    replacedBy: uuid('replaced_by').references(() => users.id),
    replacedAt: at('replaced_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('dossier_entry_versions_uq').on(t.entryId, t.version)],
);

/** A file attached to a dossier entry or a request. Its bytes live in the store it names. */
export const attachments = pgTable(
  'attachments',
  {
    id: id(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    entryId: uuid('entry_id').references(() => dossierEntries.id),
    requestId: uuid('request_id').references(() => requests.id),
    /** The name as uploaded (no path), shown and used as the download name. */
    fileName: text('file_name').notNull(),
    /** The type found in the content (magic bytes), never the one the browser claimed. */
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    store: attachmentStore('store').notNull().default('database'),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('attachments_entry_idx').on(t.entryId),
    index('attachments_request_idx').on(t.requestId),
    index('attachments_dossier_idx').on(t.dossierId),
    check('attachments_one_owner', sql`(${t.entryId} is null) <> (${t.requestId} is null)`),
  ],
);

/** The database store's bytes, written in the same transaction as their attachment row. */
export const attachmentBlobs = pgTable('attachment_blobs', {
  attachmentId: uuid('attachment_id')
    .primaryKey()
    .references(() => attachments.id),
  data: bytea('data').notNull(),
});

// ── Access by invitation ─────────────────────────────────────────────────────────────────
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: id(),
    toAddress: text('to_address').notNull(),
    template: text('template').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: mailStatus('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at').notNull().defaultNow(),
    /** While `sending`: the claim lapses after this, so a crashed worker's mail is retried. */
    lockedUntil: at('locked_until'),
    lastError: text('last_error'),
    sentAt: at('sent_at'),
    createdAt: createdAt(),
  },
  (t) => [index('mail_outbox_due_idx').on(t.status, t.nextAttemptAt)],
);

export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    /** A dossier invitation's dossier; null for a staff invitation. */
    dossierId: uuid('dossier_id').references(() => dossiers.id),
    /** A dossier invitation's contact role. */
    role: contactRole('role'),
    /** A staff invitation's role, and the unit it is for (centre always; school, department as the role needs). */
    staffRole: staffRole('staff_role'),
    centreId: uuid('centre_id').references(() => centres.id),
    schoolId: uuid('school_id').references(() => schools.id),
    departmentId: uuid('department_id').references(() => departments.id),
    /** Normalised address as it will be mailed (domain lower-cased, local part as typed). */
    email: text('email').notNull(),
    /** Fully lower-cased: what uniqueness and comparisons use. */
    emailKey: text('email_key').notNull(),
    /** SHA-256 of the token, hex. The token itself is never stored. */
    tokenHash: text('token_hash').notNull().unique(),
    /** Null only for the first centre-staff invitation of an installation (`npm run centre:init`). */
    invitedBy: uuid('invited_by').references(() => users.id),
    createdAt: createdAt(),
    expiresAt: at('expires_at').notNull(),
    status: invitationStatus('status').notNull().default('pending'),
    /** The mail that carries the current token; its status is the delivery state. */
    mailId: uuid('mail_id').references(() => mailOutbox.id),
    sentAt: at('sent_at'),
    acceptedBy: uuid('accepted_by').references(() => users.id),
    acceptedAt: at('accepted_at'),
    cancelledBy: uuid('cancelled_by').references(() => users.id),
    cancelledAt: at('cancelled_at'),
  },
  (t) => [
    index('invitations_dossier_idx').on(t.dossierId, t.createdAt.desc().nullsFirst()),
    uniqueIndex('invitations_open_per_address_uq')
      .on(t.dossierId, t.emailKey)
      .where(sql`${t.status} = 'pending'`),
    index('invitations_centre_idx').on(t.centreId),
    uniqueIndex('invitations_open_staff_per_address_uq')
      .on(sql`coalesce(${t.departmentId}, ${t.schoolId}, ${t.centreId})`, t.emailKey)
      .where(sql`${t.status} = 'pending' and ${t.dossierId} is null`),
    check(
      'invitations_one_target',
      sql`(${t.dossierId} is not null and ${t.role} is not null and ${t.invitedBy} is not null
           and ${t.staffRole} is null and ${t.centreId} is null and ${t.schoolId} is null and ${t.departmentId} is null)
       or (${t.dossierId} is null and ${t.role} is null and ${t.centreId} is not null and (
           (${t.staffRole} = 'centre_staff' and ${t.schoolId} is null and ${t.departmentId} is null)
        or (${t.staffRole} = 'school_manager' and ${t.schoolId} is not null and ${t.departmentId} is null)
        or (${t.staffRole} = 'department_manager' and ${t.schoolId} is not null and ${t.departmentId} is not null)))`,
    ),
  ],
);

export const dossierContacts = pgTable(
  'dossier_contacts',
  {
    id: id(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: contactRole('role').notNull(),
    invitationId: uuid('invitation_id').references(() => invitations.id),
    grantedBy: uuid('granted_by').references(() => users.id),
    grantedAt: at('granted_at').notNull().defaultNow(),
    revokedBy: uuid('revoked_by').references(() => users.id),
    revokedAt: at('revoked_at'),
  },
  (t) => [
    index('dossier_contacts_dossier_idx').on(t.dossierId),
    index('dossier_contacts_user_idx').on(t.userId),
    uniqueIndex('dossier_contacts_active_uq')
      .on(t.dossierId, t.userId)
      .where(sql`${t.revokedAt} is null`),
  ],
);

/** "Er is iets nieuws in het dossier": one mail per contact per day at most (the primary key holds it). */
export const contactNotices = pgTable(
  'contact_notices',
  {
    contactId: uuid('contact_id')
      .notNull()
      .references(() => dossierContacts.id),
    day: date('day', { mode: 'string' }).notNull(),
    mailId: uuid('mail_id').references(() => mailOutbox.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.contactId, t.day] })],
);

// ── Audit and rate limits ────────────────────────────────────────────────────────────────
/** Append-only: a trigger in the migrations rejects UPDATE and DELETE. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: at('at').notNull().defaultNow(),
    actorId: uuid('actor_id').references(() => users.id),
    action: text('action').notNull(),
    dossierId: uuid('dossier_id').references(() => dossiers.id),
    targetType: text('target_type'),
    targetId: text('target_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    origin: text('origin'),
  },
  (t) => [
    index('audit_events_dossier_idx').on(t.dossierId, t.id.desc().nullsFirst()),
    index('audit_events_actor_idx').on(t.actorId, t.id.desc().nullsFirst()),
  ],
);

export const rateLimitBuckets = pgTable('rate_limit_buckets', {
  key: text('key').primaryKey(),
  windowStart: at('window_start').notNull(),
  count: integer('count').notNull(),
});

export type Centre = typeof centres.$inferSelect;
export type School = typeof schools.$inferSelect;
export type Department = typeof departments.$inferSelect;
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Session = typeof sessions.$inferSelect;
export type StaffMembership = typeof staffMemberships.$inferSelect;
export type Student = typeof students.$inferSelect;
export type Dossier = typeof dossiers.$inferSelect;
export type Request = typeof requests.$inferSelect;
export type DossierEntry = typeof dossierEntries.$inferSelect;
export type Attachment = typeof attachments.$inferSelect;
export type DossierContact = typeof dossierContacts.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
export type MailOutboxRow = typeof mailOutbox.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
export type { ContactRole, InvitationStatus, MailStatus, RequestStatus, RequestType, StaffRole } from '../codes';
