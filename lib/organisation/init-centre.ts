import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit/record-event';
import type { Db } from '@/lib/db/client';
import { centres, invitations, staffMemberships } from '@/lib/db/schema';
import { normalizeEmail } from '@/lib/invites/normalize-email';
import { renewInvitation } from '@/lib/invites/resend-invitation';
import { createInvitation } from '@/lib/invites/send-invitation';
import { invitationsOf, type InviteTarget } from '@/lib/invites/target';
import { findUnit } from './unit-grant';
import { normalizeUnitName } from './unit-name';

export type InitOutcome =
  | { status: 'invited'; centreId: string; centreCreated: boolean; email: string; link: string; resent: boolean }
  | { status: 'open_invitation'; centreId: string; email: string; expired: boolean }
  | { status: 'has_staff'; centreId: string; count: number }
  | { status: 'invalid'; problem: 'name' | 'email' };

/**
 * `npm run centre:init`: the first start of a real installation. Creates the centre when no
 * centre has this name, then invites its first Medewerker leersteuncentrum through the same
 * invitation machinery as every other invitation (outbox, token, expiry, audit; the inviter is
 * the installation). Safe to run twice: while a centre-staff invitation is open it refuses a
 * second one unless `resend` (a new link for the open invitation, or — for another address —
 * that invitation cancelled and a new one sent). A centre that already has staff invites
 * through 'Beheer organisatie', not here. Never touches demo data.
 */
export async function initCentre(
  db: Db,
  input: { name: string; email: string; resend?: boolean; now?: Date },
): Promise<InitOutcome> {
  const name = normalizeUnitName(input.name);
  if (!name.ok) return { status: 'invalid', problem: 'name' };
  const email = normalizeEmail(input.email);
  if (!email.ok) return { status: 'invalid', problem: 'email' };
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    // One init at a time per installation.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('diplon:centre-init'))`);
    const [existing] = await tx.select({ id: centres.id }).from(centres).where(eq(centres.name, name.name)).limit(1);
    const centreId = existing?.id ?? (await tx.insert(centres).values({ name: name.name }).returning({ id: centres.id }))[0]!.id;
    if (!existing) {
      await recordAudit(tx, { actorId: null, action: 'centre_created', targetType: 'centre', targetId: centreId, details: { name: name.name, via: 'centre:init' }, origin: 'centre:init' });
    }
    const [{ count }] = (await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(staffMemberships)
      .where(and(eq(staffMemberships.centreId, centreId), eq(staffMemberships.active, true)))) as [{ count: number }];
    if (Number(count) > 0) return { status: 'has_staff', centreId, count: Number(count) } as const;

    const unit = (await findUnit(tx, { kind: 'centre', id: centreId }))!;
    const target: InviteTarget = { kind: 'unit', unit };
    const [open] = await tx
      .select({ id: invitations.id, email: invitations.email, emailKey: invitations.emailKey, expiresAt: invitations.expiresAt })
      .from(invitations)
      .where(and(invitationsOf(target), eq(invitations.status, 'pending')))
      .limit(1);
    const via = 'centre:init';
    if (open && !input.resend) return { status: 'open_invitation', centreId, email: open.email, expired: open.expiresAt <= now } as const;
    if (open && open.emailKey === email.key) {
      const renewed = await renewInvitation(tx, target, { invitationId: open.id, now, actor: null, origin: via, via });
      return { status: 'invited', centreId, centreCreated: false, email: renewed!.email, link: renewed!.link, resent: true } as const;
    }
    if (open) {
      await tx.update(invitations).set({ status: 'cancelled', cancelledAt: now }).where(eq(invitations.id, open.id));
      await recordAudit(tx, { actorId: null, action: 'invitation_cancelled', targetType: 'invitation', targetId: open.id, details: { via }, origin: via });
    }
    const sent = await createInvitation(tx, target, { role: 'centre_staff', email: email.email, key: email.key, inviter: null, origin: via, now, via });
    if (sent.status !== 'sent') throw new Error(`centre:init could not invite (${sent.status})`);
    return { status: 'invited', centreId, centreCreated: !existing, email: sent.email, link: sent.link!, resent: false } as const;
  });
}
