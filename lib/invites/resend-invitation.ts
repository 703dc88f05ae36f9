import { and, eq } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit/record-event';
import { env } from '@/lib/config/env';
import type { Db } from '@/lib/db/client';
import type { DossierGrant } from '@/lib/dossiers/dossier-grant';
import { invitations } from '@/lib/db/schema';
import { queueInvitationMail } from './send-invitation';
import { hashToken, linkExpiresAt, newInvitationToken } from './token';

/**
 * 'Opnieuw versturen': a new token (the old link dies with its hash), a new expiry and a new
 * mail, for a pending invitation of this dossier — expired ones included.
 */
export async function resendInvitation(
  db: Db,
  grant: DossierGrant<'contacts.manage'>,
  input: { invitationId: string; now?: Date },
): Promise<{ status: 'resent'; email: string } | { status: 'not_found' }> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const [invitation] = await tx
      .select()
      .from(invitations)
      .where(
        and(eq(invitations.id, input.invitationId), eq(invitations.dossierId, grant.id), eq(invitations.status, 'pending')),
      )
      .for('update')
      .limit(1);
    if (!invitation) return { status: 'not_found' } as const;
    const token = newInvitationToken();
    const expiresAt = linkExpiresAt(now, env().INVITATION_TTL_DAYS);
    await tx.update(invitations).set({ tokenHash: hashToken(token), expiresAt }).where(eq(invitations.id, invitation.id));
    await queueInvitationMail(tx, {
      invitationId: invitation.id,
      email: invitation.email,
      role: invitation.role,
      inviter: grant.actor,
      centreId: grant.centreId,
      token,
      expiresAt,
      replaces: true,
    });
    await recordAudit(tx, {
      actorId: grant.actor.id,
      action: 'invitation_resent',
      dossierId: grant.id,
      targetType: 'invitation',
      targetId: invitation.id,
      origin: grant.origin,
    });
    return { status: 'resent', email: invitation.email } as const;
  });
}
