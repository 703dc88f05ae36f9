import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit/record-event';
import type { Db } from '@/lib/db/client';
import type { DossierGrant } from '@/lib/dossiers/dossier-grant';
import { dossierContacts, users } from '@/lib/db/schema';
import { personName } from '@/lib/text/person-name';

/**
 * 'Toegang intrekken': the contact keeps its row (history: revoked by, at) and loses access on
 * their very next request, since every request reads access fresh.
 */
export async function revokeContact(
  db: Db,
  grant: DossierGrant<'contacts.manage'>,
  input: { contactId: string; now?: Date },
): Promise<{ status: 'revoked'; name: string } | { status: 'not_found' }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(dossierContacts)
      .set({ revokedAt: input.now ?? new Date(), revokedBy: grant.actor.id })
      .where(
        and(
          eq(dossierContacts.id, input.contactId),
          eq(dossierContacts.dossierId, grant.id),
          isNull(dossierContacts.revokedAt),
        ),
      )
      .returning({ id: dossierContacts.id, userId: dossierContacts.userId, role: dossierContacts.role });
    if (!row) return { status: 'not_found' } as const;
    const [person] = await tx
      .select({ givenName: users.givenName, familyName: users.familyName })
      .from(users)
      .where(eq(users.id, row.userId));
    await recordAudit(tx, {
      actorId: grant.actor.id,
      action: 'contact_revoked',
      dossierId: grant.id,
      targetType: 'contact',
      targetId: row.id,
      details: { role: row.role },
      origin: grant.origin,
    });
    return { status: 'revoked', name: person ? personName(person) : '' } as const;
  });
}
