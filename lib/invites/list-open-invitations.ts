import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { invitations, mailOutbox, users } from '@/lib/db/schema';
import { personName } from '@/lib/text/person-name';
import { auditDossierOf, auditUnitOf, invitationsOf, roleOfRow, targetOf, type InviteGrant } from './target';

/** Open invitations of a dossier or a unit (expired ones too, marked), with the delivery state of their current mail. */
export async function listOpenInvitations(db: Db, grant: InviteGrant, now = new Date()) {
  const rows = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      staffRole: invitations.staffRole,
      sentAt: invitations.sentAt,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      givenName: users.givenName,
      familyName: users.familyName,
      mailId: mailOutbox.id,
      mailStatus: mailOutbox.status,
    })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .leftJoin(mailOutbox, eq(mailOutbox.id, invitations.mailId))
    .where(and(invitationsOf(targetOf(grant)), eq(invitations.status, 'pending')))
    .orderBy(desc(invitations.createdAt));
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    role: roleOfRow(r),
    /** Null: the installation's first invitation (`npm run centre:init`). */
    invitedBy: r.familyName === null ? null : personName({ givenName: r.givenName, familyName: r.familyName }),
    sentAt: r.sentAt ?? r.createdAt,
    expiresAt: r.expiresAt,
    expired: r.expiresAt <= now,
    mailId: r.mailId,
    delivery: r.mailStatus ?? 'queued',
  }));
}
