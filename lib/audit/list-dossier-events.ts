import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ContactRole } from '@/lib/codes';
import type { Db } from '@/lib/db/client';
import type { DossierGrant } from '@/lib/dossiers/dossier-grant';
import { auditEvents, dossierContacts, invitations, users } from '@/lib/db/schema';
import { personName } from '@/lib/text/person-name';
import type { AuditAction } from './record-event';

export const AUDIT_PAGE_SIZE = 50;

/** The logbook's filter: who got access and how (invitations, acceptances, revocations), or who looked. */
export const EVENT_KINDS = {
  access: [
    'invitation_checked',
    'invitation_sent',
    'invitation_resent',
    'invitation_cancelled',
    'invitation_accepted',
    'invitation_accepted_pending',
    'contact_confirmed',
    'contact_refused',
    'invitation_opened_by_staff',
    'mail_retried',
    'contact_revoked',
    'identity_relinked',
  ],
  views: ['dossier_viewed', 'contacts_viewed', 'audit_viewed'],
} as const satisfies Record<string, readonly AuditAction[]>;

export type EventKind = keyof typeof EVENT_KINDS;

export function isEventKind(value: unknown): value is EventKind {
  return typeof value === 'string' && Object.hasOwn(EVENT_KINDS, value);
}

const subjectUser = alias(users, 'subject_user');
/** 'Koppel opnieuw': the re-created itsme account the contact's person took over. */
const replacedUser = alias(users, 'replaced_user');
const CONTACT_ROLES = new Set<string>(['parent', 'teacher', 'clb', 'care_provider']);

/**
 * A dossier's audit events, newest first, paged by id (the identity column only grows), each
 * with whom it was about: the invited address (invitations) or the person (contacts; for
 * 'Koppel opnieuw' also the new itsme account they took over), and the role — so "who gave Jan access?" is one filtered page. Optionally one kind of event only.
 */
export async function listDossierEvents(db: Db, grant: DossierGrant<'audit.view'>, options: { before?: number; kind?: EventKind } = {}) {
  const { before, kind } = options;
  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      details: auditEvents.details,
      givenName: users.givenName,
      familyName: users.familyName,
      invitedEmail: invitations.email,
      invitedRole: invitations.role,
      contactGivenName: subjectUser.givenName,
      contactFamilyName: subjectUser.familyName,
      contactRole: dossierContacts.role,
      replacedGivenName: replacedUser.givenName,
      replacedFamilyName: replacedUser.familyName,
      replacedRegisteredAt: replacedUser.createdAt,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .leftJoin(invitations, and(eq(auditEvents.targetType, 'invitation'), sql`${invitations.id}::text = ${auditEvents.targetId}`))
    .leftJoin(dossierContacts, and(eq(auditEvents.targetType, 'contact'), sql`${dossierContacts.id}::text = ${auditEvents.targetId}`))
    .leftJoin(subjectUser, eq(subjectUser.id, dossierContacts.userId))
    .leftJoin(
      replacedUser,
      and(eq(auditEvents.action, 'identity_relinked'), sql`${replacedUser.id}::text = ${auditEvents.details}->>'replacedUserId'`),
    )
    .where(
      and(
        eq(auditEvents.dossierId, grant.id),
        before ? lt(auditEvents.id, before) : undefined,
        kind ? inArray(auditEvents.action, [...EVENT_KINDS[kind]]) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(AUDIT_PAGE_SIZE + 1);
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  return {
    events: page.map((r) => {
      const detailRole = typeof r.details.role === 'string' && CONTACT_ROLES.has(r.details.role) ? (r.details.role as ContactRole) : null;
      return {
        id: r.id,
        at: r.at,
        action: r.action,
        actor: r.familyName ? personName({ givenName: r.givenName, familyName: r.familyName }) : null,
        subject: r.contactFamilyName
          ? personName({ givenName: r.contactGivenName, familyName: r.contactFamilyName })
          : (r.invitedEmail ?? null),
        role: detailRole ?? r.invitedRole ?? r.contactRole ?? null,
        /** 'Koppel opnieuw': the new itsme account this person now logs in with. */
        replaced: r.replacedFamilyName
          ? { name: personName({ givenName: r.replacedGivenName, familyName: r.replacedFamilyName }), registeredAt: r.replacedRegisteredAt! }
          : null,
      };
    }),
    nextBefore: rows.length > AUDIT_PAGE_SIZE ? page.at(-1)!.id : null,
  };
}
