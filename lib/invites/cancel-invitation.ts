import { and, eq } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit/record-event';
import type { Db } from '@/lib/db/client';
import { invitations } from '@/lib/db/schema';
import { auditDossierOf, auditUnitOf, invitationsOf, roleOfRow, targetOf, type InviteGrant } from './target';

/** 'Annuleren' of an open invitation of this dossier: its link stops working at once. */
export async function cancelInvitation(
  db: Db,
  grant: InviteGrant,
  input: { invitationId: string; now?: Date },
): Promise<{ status: 'cancelled'; email: string } | { status: 'not_found' }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ status: 'cancelled', cancelledBy: grant.actor.id, cancelledAt: input.now ?? new Date() })
      .where(
        and(eq(invitations.id, input.invitationId), invitationsOf(targetOf(grant)), eq(invitations.status, 'pending')),
      )
      .returning({ id: invitations.id, email: invitations.email });
    if (!row) return { status: 'not_found' } as const;
    await recordAudit(tx, {
      actorId: grant.actor.id,
      action: 'invitation_cancelled',
      dossierId: auditDossierOf(targetOf(grant)),
      details: auditUnitOf(targetOf(grant)),
      targetType: 'invitation',
      targetId: row.id,
      origin: grant.origin,
    });
    return { status: 'cancelled', email: row.email } as const;
  });
}
