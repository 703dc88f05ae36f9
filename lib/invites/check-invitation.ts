import { recordAudit } from '@/lib/audit/record-event';
import type { InviteRole } from '@/lib/codes';
import type { Db } from '@/lib/db/client';
import { findAddressOnTarget } from './find-address-on-target';
import { normalizeEmail, type EmailProblem } from './normalize-email';
import { suggestDomain } from './suggest-domain';
import { auditDossierOf, auditUnitOf, targetOf, type InviteGrant, type InviteTarget } from './target';

export type CheckOutcome =
  | { status: 'invalid'; problem: EmailProblem }
  | { status: 'typo'; email: string; suggestion: string }
  | { status: 'has_access'; email: string; role: InviteRole }
  | { status: 'open_invitation'; email: string; invitationId: string; role: InviteRole }
  | { status: 'ok'; email: string; key: string };

/**
 * 'Check': is this the exact address to invite to this dossier or unit, in this role? A likely
 * typo is answered with a suggestion first; taking it (or retyping) runs Check again. Every
 * Check is audited.
 */
export async function checkInvitation(db: Db, grant: InviteGrant, raw: string, role: InviteRole): Promise<CheckOutcome> {
  const target = targetOf(grant);
  const outcome = await examineAddress(db, target, raw);
  await recordAudit(db, {
    actorId: grant.actor.id,
    action: 'invitation_checked',
    dossierId: auditDossierOf(target),
    details: { outcome: outcome.status, role, ...auditUnitOf(target) },
    origin: grant.origin,
  });
  return outcome;
}

async function examineAddress(db: Db, target: InviteTarget, raw: string): Promise<CheckOutcome> {
  const normalized = normalizeEmail(raw);
  if (!normalized.ok) return { status: 'invalid', problem: normalized.problem };
  const suggestion = suggestDomain(normalized.domain);
  if (suggestion) {
    const local = normalized.email.slice(0, normalized.email.lastIndexOf('@'));
    return { status: 'typo', email: normalized.email, suggestion: `${local}@${suggestion}` };
  }
  const existing = await findAddressOnTarget(db, target, normalized.key);
  if (existing.existingRole) return { status: 'has_access', email: normalized.email, role: existing.existingRole };
  if (existing.openInvitation) {
    return { status: 'open_invitation', email: normalized.email, invitationId: existing.openInvitation.id, role: existing.openInvitation.role };
  }
  return { status: 'ok', email: normalized.email, key: normalized.key };
}
