import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { dossierContacts, invitations, type ContactRole } from '@/lib/db/schema';

/**
 * What this address already has on *this* dossier: an active contact reached through an
 * invitation to this address, or an open invitation. Only invitation addresses count: the
 * e-mail a person gave itsme is unverified (anyone can type any address), so matching it would
 * let a contact block invitations to any address on their dossier. Nothing outside the dossier
 * is looked at, so an answer never says an account exists elsewhere.
 */
export async function findAddressOnDossier(
  db: Db,
  dossierId: string,
  emailKey: string,
): Promise<{ contactRole: ContactRole | null; openInvitation: { id: string; role: ContactRole } | null }> {
  const [contact] = await db
    .select({ role: dossierContacts.role })
    .from(dossierContacts)
    .innerJoin(invitations, eq(invitations.id, dossierContacts.invitationId))
    .where(and(eq(dossierContacts.dossierId, dossierId), isNull(dossierContacts.revokedAt), eq(invitations.emailKey, emailKey)))
    .limit(1);
  const [open] = await db
    .select({ id: invitations.id, role: invitations.role })
    .from(invitations)
    .where(and(eq(invitations.dossierId, dossierId), eq(invitations.emailKey, emailKey), eq(invitations.status, 'pending')))
    .limit(1);
  return { contactRole: contact?.role ?? null, openInvitation: open ?? null };
}
