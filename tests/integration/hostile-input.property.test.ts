import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSession } from '@/lib/auth/find-session';
import type { DatabaseHandle } from '@/lib/db/client';
import * as t from '@/lib/db/schema';
import { getDossierAccess } from '@/lib/dossiers/get-dossier-access';
import { acceptInvitation } from '@/lib/invites/accept-invitation';
import { checkInvitation } from '@/lib/invites/check-invitation';
import { findInvitationByToken } from '@/lib/invites/find-invitation-by-token';
import { normalizeEmail } from '@/lib/invites/normalize-email';
import { sendInvitation } from '@/lib/invites/send-invitation';
import { unseal } from '@/lib/mail/seal';
import { SEALED_KEY } from '@/lib/mail/templates';
import { listRequests } from '@/lib/requests/list-requests';
import { openTestDb } from '../support/db';
import { grantFor, makeDossier, makeOrganisation, makeStaff, makeUser } from '../support/fixtures';
import { hostileEmail, hostileId, hostileToken } from '../support/hostile';

/**
 * The data access layer against the real database (PGlite or PostgreSQL), a thousand hostile
 * inputs per property: nothing throws (a query error would be a 500), invalid input is
 * refused, and nothing reaches another tenant's data or the mail outbox.
 */
const RUNS = { numRuns: 1000 };

let handle: DatabaseHandle;
let world: Awaited<ReturnType<typeof setup>>;

async function setup() {
  const db = handle.db;
  const org = await makeOrganisation(db);
  const other = await makeOrganisation(db);
  const { dossier } = await makeDossier(db, org);
  const { dossier: foreignDossier } = await makeDossier(db, other);
  const { user: inviter, viewer: staff } = await makeStaff(db, { role: 'school_manager', schoolId: org.school.id });
  const someone = await makeUser(db, 'Iemand Anders');
  const grant = await grantFor(db, staff, dossier.id, 'contacts.manage');
  const sent = await sendInvitation(db, grant, { role: 'parent', email: 'echt@telenet.be' });
  if (sent.status !== 'sent') throw new Error(sent.status);
  const [mail] = await db.select().from(t.mailOutbox).where(eq(t.mailOutbox.id, sent.mailId));
  const token = unseal((mail!.payload as Record<string, string>)[SEALED_KEY]!).split('/uitnodiging/')[1]!;
  return { db, org, dossier, foreignDossier, inviter, someone, staff, grant, token };
}

beforeAll(async () => {
  handle = await openTestDb();
  world = await setup();
});
afterAll(async () => handle.close());

describe('hostile input on the data access layer', () => {
  it('Check: an invalid address is refused with its problem, a valid one normalised', async () => {
    await fc.assert(
      fc.asyncProperty(hostileEmail, async (email) => {
        const outcome = await checkInvitation(world.db, world.grant, email, 'parent');
        const normalized = normalizeEmail(email);
        if (!normalized.ok) expect(outcome).toEqual({ status: 'invalid', problem: normalized.problem });
        else expect(outcome.status).not.toBe('invalid');
      }),
      RUNS,
    );
  });

  it('Verstuur: no invalid address ever reaches the outbox, and every queued one is a plain address', async () => {
    const before = (await world.db.select({ id: t.mailOutbox.id }).from(t.mailOutbox)).length;
    let valid = 0;
    await fc.assert(
      fc.asyncProperty(hostileEmail, async (email) => {
        const normalized = normalizeEmail(email);
        const sent = await sendInvitation(world.db, world.grant, { role: 'teacher', email });
        if (!normalized.ok) expect(sent).toEqual({ status: 'invalid' });
        // The same address generated twice finds its own open invitation.
        else expect(['sent', 'open_invitation']).toContain(sent.status);
        if (sent.status === 'sent') valid++;
      }),
      RUNS,
    );
    const queued = await world.db.select({ to: t.mailOutbox.toAddress }).from(t.mailOutbox);
    expect(queued.length - before).toBe(valid);
    for (const { to } of queued) {
      expect(to).toMatch(/^[\x21-\x7e]+$/);
      expect(normalizeEmail(to)).toMatchObject({ ok: true, email: to });
    }
  });

  it('a link token: only the real one is valid, and nothing else accepts', async () => {
    await fc.assert(
      fc.asyncProperty(hostileToken(world.token), async (token) => {
        const view = await findInvitationByToken(world.db, token);
        expect(view.valid).toBe(token === world.token);
        if (token !== world.token) expect(await acceptInvitation(world.db, { token, userId: world.someone.id })).toEqual({ status: 'invalid' });
      }),
      RUNS,
    );
    const contacts = await world.db.select().from(t.dossierContacts).where(eq(t.dossierContacts.dossierId, world.dossier.id));
    expect(contacts).toEqual([]);
  });

  it("a dossier id: anything but the staff member's own dossier is no dossier", async () => {
    const ids = fc.oneof(hostileId, fc.constant(world.foreignDossier.id), fc.constant(world.dossier.id));
    await fc.assert(
      fc.asyncProperty(ids, async (id) => {
        const access = await getDossierAccess(world.db, world.staff, id);
        if (id === world.dossier.id) expect(access?.id).toBe(id);
        else expect(access).toBeNull();
      }),
      RUNS,
    );
  });

  it("'Beheer aanvragen': any search term, school id or cursor gives a page of the caller's scope", async () => {
    const filters = fc.record({
      q: fc.option(fc.oneof(fc.string({ unit: 'binary', maxLength: 100 }), fc.string({ unit: 'grapheme', maxLength: 30 })), { nil: undefined }),
      schoolId: fc.option(fc.oneof(hostileId, fc.constant(world.org.otherSchool.id)), { nil: undefined }),
      cursor: fc.option(fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.tuple(fc.date({ noInvalidDate: true }), fc.uuid()).map(([d, id]) => Buffer.from(`${d.toISOString().replace('Z', '000Z')}|${id}`).toString('base64url'))), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(filters, async (f) => {
        const page = await listRequests(world.db, world.staff, f, 5);
        for (const row of page.rows) expect(row.schoolName).toBe(world.org.school.name);
      }),
      RUNS,
    );
  });

  it('a session cookie: any value that is no session token is no session', async () => {
    const cookie = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.uuid(), fc.uuid().map((u) => `${u}\u0000`));
    await fc.assert(
      fc.asyncProperty(cookie, async (token) => {
        expect(await findSession(world.db, token)).toBeNull();
      }),
      RUNS,
    );
  });
});
