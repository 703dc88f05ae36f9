import { and, eq } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit/record-event';
import { env } from '@/lib/config/env';
import type { Db } from '@/lib/db/client';
import { invitations } from '@/lib/db/schema';
import { queueInvitationMail, type Inviter } from './send-invitation';
import { hashToken, newInvitationToken } from './token';

const DAY_MS = 86_400_000;

/**
 * 'Opnieuw versturen': a new token (the old link dies with its hash), a new expiry and a new
 * mail, for a pending invitation of this dossier — expired ones included.
 */
export async function resendInvitation(
  db: Db,
  input: { dossierId: string; centreId: string; invitationId: string; actor: Inviter; origin?: string | null; now?: Date },
): Promise<{ status: 'resent'; email: string } | { status: 'not_found' }> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const [invitation] = await tx
      .select()
      .from(invitations)
      .where(
        and(eq(invitations.id, input.invitationId), eq(invitations.dossierId, input.dossierId), eq(invitations.status, 'pending')),
      )
      .for('update')
      .limit(1);
    if (!invitation) return { status: 'not_found' } as const;
    const token = newInvitationToken();
    const expiresAt = new Date(now.getTime() + env().INVITATION_TTL_DAYS * DAY_MS);
    await tx.update(invitations).set({ tokenHash: hashToken(token), expiresAt }).where(eq(invitations.id, invitation.id));
    await queueInvitationMail(tx, {
      invitationId: invitation.id,
      email: invitation.email,
      role: invitation.role,
      inviter: input.actor,
      centreId: input.centreId,
      token,
      expiresAt,
      replaces: true,
    });
    await recordAudit(tx, {
      actorId: input.actor.id,
      action: 'invitation_resent',
      dossierId: input.dossierId,
      targetType: 'invitation',
      targetId: invitation.id,
      origin: input.origin,
    });
    return { status: 'resent', email: invitation.email } as const;
  });
}
