import { and, eq } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit/record-event';
import type { Db } from '@/lib/db/client';
import { invitations } from '@/lib/db/schema';

/** 'Annuleren' of an open invitation of this dossier: its link stops working at once. */
export async function cancelInvitation(
  db: Db,
  input: { dossierId: string; invitationId: string; actorId: string; origin?: string | null; now?: Date },
): Promise<{ status: 'cancelled'; email: string } | { status: 'not_found' }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ status: 'cancelled', cancelledBy: input.actorId, cancelledAt: input.now ?? new Date() })
      .where(
        and(eq(invitations.id, input.invitationId), eq(invitations.dossierId, input.dossierId), eq(invitations.status, 'pending')),
      )
      .returning({ id: invitations.id, email: invitations.email });
    if (!row) return { status: 'not_found' } as const;
    await recordAudit(tx, {
      actorId: input.actorId,
      action: 'invitation_cancelled',
      dossierId: input.dossierId,
      targetType: 'invitation',
      targetId: row.id,
      origin: input.origin,
    });
    return { status: 'cancelled', email: row.email } as const;
  });
}
