import type { Db } from '@/lib/db/client';
import { auditEvents } from '@/lib/db/schema';

export type AuditAction =
  | 'login'
  | 'registration'
  | 'login_failed'
  | 'logout'
  | 'dossier_viewed'
  | 'contacts_viewed'
  | 'audit_viewed'
  | 'invitation_checked'
  | 'invitation_sent'
  | 'invitation_resent'
  | 'invitation_cancelled'
  | 'invitation_accepted'
  | 'mail_retried'
  | 'contact_revoked'
  | 'organisation_viewed'
  | 'school_added'
  | 'department_added'
  | 'unit_renamed'
  | 'unit_deactivated'
  | 'membership_ended'
  | 'identity_relinked'
  | 'student_created'
  | 'dossier_created'
  | 'request_created'
  | 'request_updated'
  | 'request_edited'
  | 'request_submitted'
  | 'request_taken_up'
  | 'request_completed'
  | 'entry_created'
  | 'entry_edited'
  | 'attachment_added'
  | 'attachment_downloaded'
  | 'attachment_removed'
  | 'invitation_accepted_pending'
  | 'contact_confirmed'
  | 'contact_refused'
  | 'invitation_opened_by_staff'
  | 'locale_changed'
  | 'duplicate_student_suspected'
  | 'centre_created'
  | 'identity_names_changed';

export type AuditInput = {
  actorId: string | null;
  action: AuditAction;
  dossierId?: string | null;
  targetType?: string;
  targetId?: string;
  /** Never a token, a national number or a full e-mail body. */
  details?: Record<string, unknown>;
  origin?: string | null;
};

/** Appends one audit event (the table refuses updates and deletes). */
export async function recordAudit(db: Db, event: AuditInput): Promise<void> {
  await db.insert(auditEvents).values({
    actorId: event.actorId,
    action: event.action,
    dossierId: event.dossierId ?? null,
    targetType: event.targetType ?? null,
    targetId: event.targetId ?? null,
    details: event.details ?? {},
    origin: event.origin ?? null,
  });
}
