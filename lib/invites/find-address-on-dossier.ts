import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { dossierContacts, invitations, users, type ContactRole } from '@/lib/db/schema';

/**
 * What this address already has on *this* dossier: an active contact (reached through the
 * invitation it accepted, or the contact address the person gave itsme) or an open invitation.
 * Nothing outside the dossier is looked at, so an answer never says an account exists elsewhere.
 */
export async function findAddressOnDossier(
  db: Db,
  dossierId: string,
  emailKey: string,
): Promise<{ contactRole: ContactRole | null; openInvitation: { id: string; role: ContactRole } | null }> {
  const [contact] = await db
    .select({ role: dossierContacts.role })
    .from(dossierContacts)
    .innerJoin(users, eq(users.id, dossierContacts.userId))
    .leftJoin(invitations, eq(invitations.id, dossierContacts.invitationId))
    .where(
      and(
        eq(dossierContacts.dossierId, dossierId),
        isNull(dossierContacts.revokedAt),
        or(eq(invitations.emailKey, emailKey), eq(sql`lower(${users.email})`, emailKey)),
      ),
    )
    .limit(1);
  const [open] = await db
    .select({ id: invitations.id, role: invitations.role })
    .from(invitations)
    .where(and(eq(invitations.dossierId, dossierId), eq(invitations.emailKey, emailKey), eq(invitations.status, 'pending')))
    .limit(1);
  return { contactRole: contact?.role ?? null, openInvitation: open ?? null };
}
