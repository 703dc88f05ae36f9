import { and, eq } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit/record-event';
import type { Db } from '@/lib/db/client';
import type { Actor } from '@/lib/dossiers/dossier-grant';
import { invitations } from '@/lib/db/schema';
import { invitationExpiry, queueInvitationMail } from './send-invitation';
import { auditDossierOf, auditUnitOf, invitationsOf, roleOfRow, targetOf, type InviteGrant, type InviteTarget } from './target';
import { hashToken, invitationLink, newInvitationToken } from './token';
import { env } from '@/lib/config/env';

/**
 * 'Opnieuw versturen': a new token (the old link dies with its hash), a new expiry and a new
 * mail, for a pending invitation of this dossier or unit — expired ones included.
 */
export async function resendInvitation(
  db: Db,
  grant: InviteGrant,
  input: { invitationId: string; now?: Date },
): Promise<{ status: 'resent'; email: string } | { status: 'not_found' }> {
  return db.transaction(async (tx) => {
    const result = await renewInvitation(tx, targetOf(grant), { ...input, actor: grant.actor, origin: grant.origin });
    return result ? ({ status: 'resent', email: result.email } as const) : ({ status: 'not_found' } as const);
  });
}

/** The body of a resend inside the caller's transaction (also `centre:init --resend`, whose actor is the installation). */
export async function renewInvitation(
  tx: Db,
  target: InviteTarget,
  input: { invitationId: string; now?: Date; actor: Actor | null; origin: string | null; via?: string },
): Promise<{ email: string; link: string } | null> {
  const now = input.now ?? new Date();
  const [invitation] = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, input.invitationId), invitationsOf(target), eq(invitations.status, 'pending')))
    .for('update')
    .limit(1);
  if (!invitation) return null;
  const token = newInvitationToken();
  const expiresAt = invitationExpiry(now);
  await tx.update(invitations).set({ tokenHash: hashToken(token), expiresAt }).where(eq(invitations.id, invitation.id));
  // `replaces`: the mail says it takes the place of the earlier one (whose link no longer works).
  await queueInvitationMail(tx, {
    invitationId: invitation.id,
    email: invitation.email,
    role: roleOfRow(invitation),
    inviter: input.actor,
    target,
    token,
    expiresAt,
    locale: invitation.locale,
    replaces: true,
  });
  await recordAudit(tx, {
    actorId: input.actor?.id ?? null,
    action: 'invitation_resent',
    dossierId: auditDossierOf(target),
    targetType: 'invitation',
    targetId: invitation.id,
    details: { ...auditUnitOf(target), ...(input.via ? { via: input.via } : {}) },
    origin: input.origin,
  });
  return { email: invitation.email, link: invitationLink(env().APP_URL, token) };
}
