import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSessionToken } from '@/lib/auth/session-token';
import { diplonAdapter } from '@/lib/auth/adapter';
import type { DatabaseHandle } from '@/lib/db/client';
import * as t from '@/lib/db/schema';
import { listDossierEvents } from '@/lib/audit/list-dossier-events';
import { recordAudit } from '@/lib/audit/record-event';
import { revokeContact } from '@/lib/contacts/revoke-contact';
import { acceptInvitation } from '@/lib/invites/accept-invitation';
import { findUsedInvitation } from '@/lib/invites/find-used-invitation';
import { limitAccepts, limitTokenLookups } from '@/lib/invites/rate-limits';
import { resendInvitation } from '@/lib/invites/resend-invitation';
import { sendInvitation } from '@/lib/invites/send-invitation';
import { unseal } from '@/lib/mail/seal';
import { SEALED_KEY } from '@/lib/mail/templates';
import { openTestDb } from '../support/db';
import { grantFor, makeDossier, makeOrganisation, makeStaff, makeUser } from '../support/fixtures';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(async () => handle.close());

/** A parent invitation naming the parent as the school knows them (issue 16: otherwise the centre must confirm first). */
async function invited(email = `ouder.${Date.now()}@example.be`, expectedName: string | null = null) {
  const db = handle.db;
  const org = await makeOrganisation(db);
  const { dossier } = await makeDossier(db, org);
  const { viewer } = await makeStaff(db, { role: 'centre_staff', centreId: org.centre.id });
  const grant = await grantFor(db, viewer, dossier.id, 'contacts.manage');
  const sent = await sendInvitation(db, grant, { role: 'parent', email, expectedName });
  if (sent.status !== 'sent') throw new Error(sent.status);
  return { db, dossier, grant, viewer, sent, token: await tokenOf(sent.mailId) };
}

async function tokenOf(mailId: string): Promise<string> {
  const [mail] = await handle.db.select().from(t.mailOutbox).where(eq(t.mailOutbox.id, mailId));
  return unseal((mail!.payload as Record<string, string>)[SEALED_KEY]!).split('/uitnodiging/')[1]!;
}

describe('a used invitation link leads its person back', () => {
  it('to the dossier only for the person who accepted it, while they have access', async () => {
    const { db, dossier, token } = await invited(undefined, 'Lien Ouder');
    const parent = await makeUser(db, 'Lien Ouder');
    const stranger = await makeUser(db, 'Iemand Anders');
    expect(await findUsedInvitation(db, token, parent.id)).toBeNull(); // still pending
    expect(await acceptInvitation(db, { token, userId: parent.id })).toMatchObject({ status: 'accepted' });

    expect(await findUsedInvitation(db, token, parent.id)).toEqual({ state: 'yours', next: `/dossiers/${dossier.id}` });
    // Signed out: no dossier id; another person: no dossier id either.
    expect(await findUsedInvitation(db, token, null)).toEqual({ state: 'accepted' });
    expect(await findUsedInvitation(db, token, stranger.id)).toEqual({ state: 'someone_else' });

    await db
      .update(t.dossierContacts)
      .set({ revokedAt: new Date() })
      .where(and(eq(t.dossierContacts.dossierId, dossier.id), eq(t.dossierContacts.userId, parent.id)));
    expect(await findUsedInvitation(db, token, parent.id)).toEqual({ state: 'yours_revoked' });
  });

  it('says nothing of a pending, cancelled or unknown link', async () => {
    const { db, token } = await invited();
    expect(await findUsedInvitation(db, token, null)).toBeNull();
    expect(await findUsedInvitation(db, 'A'.repeat(43), null)).toBeNull();
    expect(await findUsedInvitation(db, "x' or 1=1 --", null)).toBeNull();
  });
});

describe('a resent invitation', () => {
  it('queues a mail that says it replaces the earlier one; the first mail does not', async () => {
    const { db, grant, sent } = await invited();
    const [first] = await db.select().from(t.mailOutbox).where(eq(t.mailOutbox.id, sent.mailId));
    expect(first!.payload).not.toHaveProperty('replaces');
    expect(await resendInvitation(db, grant, { invitationId: sent.invitationId })).toMatchObject({ status: 'resent' });
    const [invitation] = await db.select().from(t.invitations).where(eq(t.invitations.id, sent.invitationId));
    const [second] = await db.select().from(t.mailOutbox).where(eq(t.mailOutbox.id, invitation!.mailId!));
    expect(second!.id).not.toBe(first!.id);
    expect(second!.payload).toMatchObject({ replaces: true });
  });
});

describe('Uitnodiging aanvaarden is rate-limited per client address', () => {
  it('at the link page’s rate, counted apart from the page’s own lookups', async () => {
    const address = `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
    for (let i = 0; i < 20; i++) expect((await limitAccepts(handle.db, address)).allowed).toBe(true);
    expect((await limitAccepts(handle.db, address)).allowed).toBe(false);
    expect((await limitAccepts(handle.db, '203.0.113.254')).allowed).toBe(true);
    expect((await limitTokenLookups(handle.db, address)).allowed).toBe(true);
  });
});

describe('Afmelden', () => {
  it("hands Auth.js the ended session, so the signOut event can audit 'Afgemeld'", async () => {
    const db = handle.db;
    const person = await makeUser(db, 'Sam Afmelder');
    const sessionToken = `t-${Date.now()}-${Math.random()}`;
    // Stored hashed; Auth.js holds (and gets back) the cookie's token.
    await db.insert(t.sessions).values({ sessionToken: hashSessionToken(sessionToken), userId: person.id, expires: new Date(Date.now() + 3_600_000) });
    const ended = await diplonAdapter(db).deleteSession!(sessionToken);
    expect(ended).toMatchObject({ sessionToken, userId: person.id });
    expect(await db.select().from(t.sessions).where(eq(t.sessions.sessionToken, hashSessionToken(sessionToken)))).toEqual([]);
  });
});

describe('Logboek: who gave Jan access?', () => {
  it('names on every access event whom it was about and the role, and filters by kind', async () => {
    const { db, dossier, grant, viewer, sent, token } = await invited('jan.ouder@example.be', 'Jan Ouder');
    const jan = await makeUser(db, 'Jan Ouder');
    const accepted = await acceptInvitation(db, { token, userId: jan.id });
    if (accepted.status !== 'accepted') throw new Error(accepted.status);
    const [contact] = await db.select().from(t.dossierContacts).where(eq(t.dossierContacts.invitationId, sent.invitationId));
    expect(await revokeContact(db, grant, { contactId: contact!.id })).toMatchObject({ status: 'revoked' });
    await recordAudit(db, { actorId: viewer.user.id, action: 'contacts_viewed', dossierId: dossier.id });
    const log = await grantFor(db, viewer, dossier.id, 'audit.view');

    const access = await listDossierEvents(db, log, { kind: 'access' });
    const byAction = Object.fromEntries(access.events.map((e) => [e.action, e]));
    expect(byAction.invitation_sent).toMatchObject({ actor: 'Sofie Janssens', subject: 'jan.ouder@example.be', role: 'parent' });
    expect(byAction.invitation_accepted).toMatchObject({ actor: 'Jan Ouder', subject: 'jan.ouder@example.be', role: 'parent' });
    expect(byAction.contact_revoked).toMatchObject({ actor: 'Sofie Janssens', subject: 'Jan Ouder', role: 'parent' });
    expect(access.events.every((e) => !e.action.endsWith('_viewed'))).toBe(true);

    const views = await listDossierEvents(db, log, { kind: 'views' });
    expect(views.events.length).toBeGreaterThan(0);
    expect(views.events.every((e) => e.action.endsWith('_viewed'))).toBe(true);
    const all = await listDossierEvents(db, log);
    expect(all.events.length).toBe(access.events.length + views.events.length);
  });
});
