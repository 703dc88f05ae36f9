import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit/record-event';
import type { Db } from '@/lib/db/client';
import type { DossierGrant } from '@/lib/dossiers/dossier-grant';
import { dossierContacts, users } from '@/lib/db/schema';
import { personName } from '@/lib/text/person-name';

export type DecideOutcome = { status: 'confirmed' | 'refused'; name: string } | { status: 'not_found' };

/**
 * 'Bevestigen' or 'Weigeren' of a contact awaiting confirmation, by staff who manage the
 * dossier's contacts. Confirming gives access from the person's next request on; refusing
 * closes the row for good (it stays in the history as refused). Only a contact of this dossier
 * that is still awaiting confirmation is decided: a second click, or a stale page, is not found.
 */
export async function decideContact(
  db: Db,
  grant: DossierGrant<'contacts.manage'>,
  input: { contactId: string; decision: 'confirm' | 'refuse'; now?: Date },
): Promise<DecideOutcome> {
  const now = input.now ?? new Date();
  const confirm = input.decision === 'confirm';
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(dossierContacts)
      .set(
        confirm
          ? { status: 'confirmed', decidedBy: grant.actor.id, decidedAt: now }
          : { status: 'refused', decidedBy: grant.actor.id, decidedAt: now, revokedAt: now, revokedBy: grant.actor.id },
      )
      .where(
        and(
          eq(dossierContacts.id, input.contactId),
          eq(dossierContacts.dossierId, grant.id),
          eq(dossierContacts.status, 'awaiting_confirmation'),
          isNull(dossierContacts.revokedAt),
        ),
      )
      .returning({ id: dossierContacts.id, userId: dossierContacts.userId, role: dossierContacts.role });
    if (!row) return { status: 'not_found' } as const;
    const [person] = await tx
      .select({ givenName: users.givenName, familyName: users.familyName })
      .from(users)
      .where(eq(users.id, row.userId));
    const name = person ? personName(person) : '';
    await recordAudit(tx, {
      actorId: grant.actor.id,
      action: confirm ? 'contact_confirmed' : 'contact_refused',
      dossierId: grant.id,
      targetType: 'contact',
      targetId: row.id,
      details: { role: row.role, verifiedName: name },
      origin: grant.origin,
    });
    return { status: confirm ? 'confirmed' : 'refused', name } as const;
  });
}
