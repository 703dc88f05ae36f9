import { recordAudit } from '@/lib/audit/record-event';
import type { Db } from '@/lib/db/client';
import type { DossierGrant } from '@/lib/dossiers/dossier-grant';
import type { ContactRole } from '@/lib/db/schema';
import { findAddressOnDossier } from './find-address-on-dossier';
import { normalizeEmail, type EmailProblem } from './normalize-email';
import { suggestDomain } from './suggest-domain';

export type CheckOutcome =
  | { status: 'invalid'; problem: EmailProblem }
  | { status: 'typo'; email: string; suggestion: string }
  | { status: 'has_access'; email: string; role: ContactRole }
  | { status: 'open_invitation'; email: string; invitationId: string; role: ContactRole }
  | { status: 'ok'; email: string; key: string };

/**
 * 'Check': is this the exact address to invite to this dossier, in this role? A likely typo is
 * answered with a suggestion first; taking it (or retyping) runs Check again. Every Check is audited.
 */
export async function checkInvitation(db: Db, grant: DossierGrant<'contacts.manage'>, raw: string, role: ContactRole): Promise<CheckOutcome> {
  const outcome = await examineAddress(db, grant.id, raw);
  await recordAudit(db, {
    actorId: grant.actor.id,
    action: 'invitation_checked',
    dossierId: grant.id,
    details: { outcome: outcome.status, role },
    origin: grant.origin,
  });
  return outcome;
}

async function examineAddress(db: Db, dossierId: string, raw: string): Promise<CheckOutcome> {
  const normalized = normalizeEmail(raw);
  if (!normalized.ok) return { status: 'invalid', problem: normalized.problem };
  const suggestion = suggestDomain(normalized.domain);
  if (suggestion) {
    const local = normalized.email.slice(0, normalized.email.lastIndexOf('@'));
    return { status: 'typo', email: normalized.email, suggestion: `${local}@${suggestion}` };
  }
  const existing = await findAddressOnDossier(db, dossierId, normalized.key);
  if (existing.contactRole) return { status: 'has_access', email: normalized.email, role: existing.contactRole };
  if (existing.openInvitation) {
    return {
      status: 'open_invitation',
      email: normalized.email,
      invitationId: existing.openInvitation.id,
      role: existing.openInvitation.role,
    };
  }
  return { status: 'ok', email: normalized.email, key: normalized.key };
}
