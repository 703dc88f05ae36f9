import { and, eq, isNull, sql } from 'drizzle-orm';
import { env } from '@/lib/config/env';
import type { Db } from '@/lib/db/client';
import { contactNotices, dossierContacts, invitations, users } from '@/lib/db/schema';
import { enqueueMail } from '@/lib/mail/enqueue-mail';

/** Today's date in Brussels: "one mail per contact per day" counts Belgian days. */
function brusselsDay(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * "Er is iets nieuws in het dossier": a short mail to each active contact of the dossier, with
 * no student data, at most one per contact per day (contact_notices' key decides, so two
 * shares at the same moment still send one). Runs in the caller's transaction, so the mails
 * exist exactly when the shared entry does. Returns how many mails were queued.
 */
export async function notifyContacts(tx: Db, dossierId: string, now = new Date()): Promise<number> {
  const contacts = await tx
    .select({ id: dossierContacts.id, address: sql<string | null>`coalesce(${invitations.email}, ${users.email})` })
    .from(dossierContacts)
    .innerJoin(users, eq(users.id, dossierContacts.userId))
    .leftJoin(invitations, eq(invitations.id, dossierContacts.invitationId))
    .where(and(eq(dossierContacts.dossierId, dossierId), isNull(dossierContacts.revokedAt)));
  const day = brusselsDay(now);
  let queued = 0;
  for (const contact of contacts) {
    if (!contact.address) continue;
    const [claimed] = await tx
      .insert(contactNotices)
      .values({ contactId: contact.id, day })
      .onConflictDoNothing()
      .returning({ contactId: contactNotices.contactId });
    if (!claimed) continue;
    const mail = await enqueueMail(tx, { to: contact.address, template: 'dossier_update', payload: { signInUrl: `${env().APP_URL}/aanmelden` } });
    await tx.update(contactNotices).set({ mailId: mail.id }).where(and(eq(contactNotices.contactId, contact.id), eq(contactNotices.day, day)));
    queued += 1;
  }
  return queued;
}
