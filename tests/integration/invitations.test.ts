import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTACT_ROLES } from '@/lib/codes';
import type { DatabaseHandle } from '@/lib/db/client';
import * as t from '@/lib/db/schema';
import { acceptInvitation } from '@/lib/invites/accept-invitation';
import { cancelInvitation } from '@/lib/invites/cancel-invitation';
import { checkInvitation } from '@/lib/invites/check-invitation';
import { issueCheckToken, verifyCheckToken } from '@/lib/invites/check-token';
import { findInvitationByToken } from '@/lib/invites/find-invitation-by-token';
import { sendInvitation } from '@/lib/invites/send-invitation';
import { hashToken } from '@/lib/invites/token';
import { unseal } from '@/lib/mail/seal';
import { SEALED_KEY } from '@/lib/mail/templates';
import { consumeRateLimit } from '@/lib/rate-limit/consume';
import { openTestDb } from '../support/db';
import { grantFor, makeDossier, makeOrganisation, makeStaff, makeUser } from '../support/fixtures';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(async () => handle.close());

async function setup() {
  const db = handle.db;
  const org = await makeOrganisation(db);
  const { dossier, student } = await makeDossier(db, org, { givenName: 'Wannes', familyName: `Zeldzaam${Date.now()}` });
  const { user: inviter, viewer } = await makeStaff(db, { role: 'centre_staff', centreId: org.centre.id });
  const grant = await grantFor(db, viewer, dossier.id, 'contacts.manage');
  return { db, org, dossier, student, inviter, viewer, grant };
}

/** The link's token, read back the way the outbox worker does: unsealed from the queued mail. */
async function tokenOf(mailId: string): Promise<string> {
  const [mail] = await handle.db.select().from(t.mailOutbox).where(eq(t.mailOutbox.id, mailId));
  const link = unseal((mail!.payload as Record<string, string>)[SEALED_KEY]!);
  return link.split('/uitnodiging/')[1]!;
}

describe('Verstuur', () => {
  it('of 20 concurrent sends to one address, exactly one invitation and one mail exist', async () => {
    const { db, org, dossier, inviter, grant } = await setup();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        sendInvitation(db, grant, { role: 'parent',
          // Case and spacing differ; the normalised address is one.
          email: i % 2 ? ' Ouder.Een@Example.be ' : 'ouder.een@example.be',
        }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'sent')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'open_invitation')).toHaveLength(19);
    const rows = await db.select().from(t.invitations).where(eq(t.invitations.dossierId, dossier.id));
    expect(rows).toHaveLength(1);
    const mails = await db.select().from(t.mailOutbox).where(eq(t.mailOutbox.toAddress, 'ouder.een@example.be'));
    expect(mails.map((m) => m.id)).toEqual([rows[0]!.mailId]);
  });

  it('stores only the hash of the token and keeps the student out of the mail payload', async () => {
    const { db, org, dossier, student, inviter, grant } = await setup();
    const sent = await sendInvitation(db, grant, { role: 'teacher', email: 'juf@example.be' });
    if (sent.status !== 'sent') throw new Error(sent.status);
    const token = await tokenOf(sent.mailId);
    const [row] = await db.select().from(t.invitations).where(eq(t.invitations.id, sent.invitationId));
    // The stored value is the token's SHA-256 (so the link can be recognised) and nothing else of it.
    expect(row!.tokenHash).toBe(hashToken(token));
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token);
    const [mail] = await db.select().from(t.mailOutbox).where(eq(t.mailOutbox.id, sent.mailId));
    const stored = JSON.stringify(mail!.payload);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(student.familyName);
    expect(stored).not.toContain(student.givenName);
  });

  it('refuses an address that already has access to this dossier through an invitation to it', async () => {
    const { db, dossier, grant } = await setup();
    const parent = await makeUser(db, 'Koen Ouder');
    const sent = await sendInvitation(db, grant, { role: 'parent', email: 'koen@example.be', expectedName: 'Koen Ouder' });
    if (sent.status !== 'sent') throw new Error(sent.status);
    expect(await acceptInvitation(db, { token: await tokenOf(sent.mailId), userId: parent.id })).toMatchObject({ status: 'accepted', next: `/dossiers/${dossier.id}` });
    const outcome = await sendInvitation(db, grant, { role: 'teacher', email: 'KOEN@example.be' });
    expect(outcome).toEqual({ status: 'has_access', role: 'parent' });
  });

  it("never takes a contact's itsme e-mail (unverified) for access: that address can still be invited", async () => {
    const { db, dossier, inviter, grant } = await setup();
    // A contact who typed someone else's address into itsme.
    const contact = await makeUser(db, 'Koen Ouder');
    await db.update(t.users).set({ email: 'mama@example.be' }).where(eq(t.users.id, contact.id));
    await db.insert(t.dossierContacts).values({ dossierId: dossier.id, userId: contact.id, role: 'parent', grantedBy: inviter.id });
    expect(await checkInvitation(db, grant, 'mama@example.be', 'parent')).toMatchObject({ status: 'ok' });
    const outcome = await sendInvitation(db, grant, { role: 'parent', email: 'Mama@example.be' });
    expect(outcome).toMatchObject({ status: 'sent', email: 'Mama@example.be' });
  });

  it('refuses what is not an e-mail address', async () => {
    const { db, org, dossier, inviter, grant } = await setup();
    for (const email of ['', 'koen', 'koen@', '@example.be', 'a b@example.be', `${'x'.repeat(250)}@example.be`]) {
      expect(await sendInvitation(db, grant, { role: 'parent', email })).toEqual({ status: 'invalid' });
    }
  });
});

describe('the Check proof', () => {
  it('is valid for exactly the checked address, role, dossier and staff member, until it expires', () => {
    const claim = { target: 'd1', userId: 'u1', role: 'parent', emailKey: 'a@example.be' };
    const now = Date.now();
    const proof = issueCheckToken(claim, now);
    expect(verifyCheckToken(proof, claim, now)).toBe(true);
    expect(verifyCheckToken(proof, { ...claim, emailKey: 'b@example.be' }, now)).toBe(false);
    expect(verifyCheckToken(proof, { ...claim, role: 'clb' }, now)).toBe(false);
    expect(verifyCheckToken(proof, { ...claim, target: 'd2' }, now)).toBe(false);
    expect(verifyCheckToken(proof, { ...claim, userId: 'u2' }, now)).toBe(false);
    expect(verifyCheckToken(proof, claim, now + 31 * 60_000)).toBe(false);
    expect(verifyCheckToken(`${now + 3_600_000}.${proof.split('.')[1]}`, claim, now)).toBe(false);
    expect(verifyCheckToken(undefined, claim, now)).toBe(false);
  });
});

describe('Uitnodiging aanvaarden', () => {
  // The browser journey runs on the phone for a parent and a teacher only; every contact role is
  // the same invitation, and this is where each role's acceptance is proven.
  it.each(CONTACT_ROLES)('an invitation as %s, accepted by the person named in it, gives that role and access', async (role) => {
    const { db, dossier, grant } = await setup();
    const sent = await sendInvitation(db, grant, { role, email: `${role}@example.be`, expectedName: 'Rolf Rolmans' });
    if (sent.status !== 'sent') throw new Error(sent.status);
    const person = await makeUser(db, 'Rolf Rolmans');
    const outcome = await acceptInvitation(db, { token: await tokenOf(sent.mailId), userId: person.id });
    expect(outcome.status).toBe('accepted');
    const [contact] = await db.select().from(t.dossierContacts).where(and(eq(t.dossierContacts.dossierId, dossier.id), eq(t.dossierContacts.userId, person.id)));
    expect(contact).toMatchObject({ role, status: 'confirmed', invitationId: sent.invitationId });
  });

  it('of 20 people accepting one link at once, exactly one gets access and one acceptance is audited', async () => {
    const { db, org, dossier, inviter, grant } = await setup();
    const sent = await sendInvitation(db, grant, { role: 'clb', email: 'clb@example.be' });
    if (sent.status !== 'sent') throw new Error(sent.status);
    const token = await tokenOf(sent.mailId);
    const people = await Promise.all(Array.from({ length: 20 }, (_, i) => makeUser(db, `Persoon${i} Gelijktijdig`)));
    const outcomes = await Promise.all(people.map((p) => acceptInvitation(db, { token, userId: p.id })));
    expect(outcomes.filter((o) => o.status === 'accepted')).toHaveLength(1);
    const contacts = await db
      .select()
      .from(t.dossierContacts)
      .where(and(eq(t.dossierContacts.dossierId, dossier.id), isNull(t.dossierContacts.revokedAt)));
    expect(contacts).toHaveLength(1);
    expect(contacts[0]!.role).toBe('clb');
    expect(contacts[0]!.invitationId).toBe(sent.invitationId);
    const accepted = await db
      .select()
      .from(t.auditEvents)
      .where(and(eq(t.auditEvents.action, 'invitation_accepted'), eq(t.auditEvents.targetId, sent.invitationId)));
    expect(accepted).toHaveLength(1);
    expect(accepted[0]!.actorId).toBe(contacts[0]!.userId);
    expect(await findInvitationByToken(db, token)).toEqual({ valid: false });
  });

  it('is refused for an expired, a cancelled or an unknown link, and those pages look the same', async () => {
    const { db, org, dossier, inviter, grant } = await setup();
    const someone = await makeUser(db, 'Late Aanvaarder');
    const sent = await sendInvitation(db, grant, { role: 'parent', email: 'laat@example.be' });
    if (sent.status !== 'sent') throw new Error(sent.status);
    const token = await tokenOf(sent.mailId);
    const [row] = await db.select().from(t.invitations).where(eq(t.invitations.id, sent.invitationId));
    const afterExpiry = new Date(row!.expiresAt.getTime() + 1000);
    expect(await findInvitationByToken(db, token, afterExpiry)).toEqual({ valid: false });
    expect(await acceptInvitation(db, { token, userId: someone.id, now: afterExpiry })).toEqual({ status: 'invalid' });

    expect(await findInvitationByToken(db, token)).toMatchObject({ valid: true, role: 'parent', inviterName: 'Sofie Janssens' });
    expect(await cancelInvitation(db, grant, { invitationId: sent.invitationId })).toMatchObject({ status: 'cancelled' });
    expect(await findInvitationByToken(db, token)).toEqual({ valid: false });
    expect(await acceptInvitation(db, { token, userId: someone.id })).toEqual({ status: 'invalid' });

    const unknown = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(await acceptInvitation(db, { token: unknown, userId: someone.id })).toEqual({ status: 'invalid' });
    expect(await acceptInvitation(db, { token: "x' or 1=1 --", userId: someone.id })).toEqual({ status: 'invalid' });
    const contacts = await db.select().from(t.dossierContacts).where(eq(t.dossierContacts.dossierId, dossier.id));
    expect(contacts).toEqual([]);
  });

  it('cannot cancel an invitation through another dossier', async () => {
    const { db, org, dossier, inviter, viewer, grant } = await setup();
    const other = await makeDossier(db, org);
    const otherGrant = await grantFor(db, viewer, other.dossier.id, 'contacts.manage');
    const sent = await sendInvitation(db, grant, { role: 'parent', email: 'x@example.be' });
    if (sent.status !== 'sent') throw new Error(sent.status);
    expect(await cancelInvitation(db, otherGrant, { invitationId: sent.invitationId })).toEqual({ status: 'not_found' });
    const [row] = await db.select().from(t.invitations).where(eq(t.invitations.id, sent.invitationId));
    expect(row!.status).toBe('pending');
  });
});

describe('rate limits', () => {
  it('allow the limit within a window, refuse the next, and start over after the window', async () => {
    const key = `test:${Date.now()}:${Math.random()}`;
    const start = new Date('2026-11-29T10:00:00.000Z');
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await consumeRateLimit(handle.db, key, 3, 60_000, new Date(start.getTime() + i * 1000)));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0]);
    expect(results[3]!.retryAfterMs).toBe(57_000);
    const later = await consumeRateLimit(handle.db, key, 3, 60_000, new Date(start.getTime() + 60_000));
    expect(later).toEqual({ allowed: true, remaining: 2, retryAfterMs: 0 });
  });

  it('count every one of many concurrent attempts (the limit holds across instances)', async () => {
    const key = `test:${Date.now()}:${Math.random()}`;
    const results = await Promise.all(Array.from({ length: 15 }, () => consumeRateLimit(handle.db, key, 10, 60_000)));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
    const [bucket] = await handle.db.select().from(t.rateLimitBuckets).where(eq(t.rateLimitBuckets.key, key));
    expect(bucket!.count).toBe(15);
  });
});
