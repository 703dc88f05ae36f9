import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import type { DossierGrant } from '@/lib/dossiers/dossier-grant';
import { invitations, mailOutbox, users } from '@/lib/db/schema';

/** Open invitations of a dossier (expired ones too, marked), with the delivery state of their current mail. */
export async function listOpenInvitations(db: Db, grant: DossierGrant<'contacts.manage'>, now = new Date()) {
  const rows = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      sentAt: invitations.sentAt,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      givenName: users.givenName,
      familyName: users.familyName,
      mailId: mailOutbox.id,
      mailStatus: mailOutbox.status,
    })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.invitedBy))
    .leftJoin(mailOutbox, eq(mailOutbox.id, invitations.mailId))
    .where(and(eq(invitations.dossierId, grant.id), eq(invitations.status, 'pending')))
    .orderBy(desc(invitations.createdAt));
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    role: r.role,
    invitedBy: `${r.givenName} ${r.familyName}`,
    sentAt: r.sentAt ?? r.createdAt,
    expiresAt: r.expiresAt,
    expired: r.expiresAt <= now,
    mailId: r.mailId,
    delivery: r.mailStatus ?? 'queued',
  }));
}
