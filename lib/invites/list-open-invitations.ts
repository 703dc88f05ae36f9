import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { invitations, mailOutbox, users } from '@/lib/db/schema';
import { personName } from '@/lib/text/person-name';

/** Open invitations of a dossier (expired ones too, marked), with the delivery state of their current mail. */
export async function listOpenInvitations(db: Db, dossierId: string, now = new Date()) {
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
    .where(and(eq(invitations.dossierId, dossierId), eq(invitations.status, 'pending')))
    .orderBy(desc(invitations.createdAt));
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    role: r.role,
    invitedBy: personName(r),
    sentAt: r.sentAt ?? r.createdAt,
    expiresAt: r.expiresAt,
    expired: r.expiresAt <= now,
    mailId: r.mailId,
    delivery: r.mailStatus ?? 'queued',
  }));
}
