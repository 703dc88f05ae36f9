import { recordAudit } from '@/lib/audit/record-event';
import type { Db } from '@/lib/db/client';

/** A person with an organisation role opened an invitation link: the page warned them it is meant for someone else. */
export async function recordStaffOpenedInvitation(
  db: Db,
  input: { userId: string; invitationId: string; dossierId: string; origin: string | null },
): Promise<void> {
  await recordAudit(db, {
    actorId: input.userId,
    action: 'invitation_opened_by_staff',
    dossierId: input.dossierId,
    targetType: 'invitation',
    targetId: input.invitationId,
    origin: input.origin,
  });
}
