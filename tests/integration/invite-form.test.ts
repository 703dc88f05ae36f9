/**
 * The invitation page's one form (issue 13, before JavaScript): Check and Verstuur posted as a
 * FormData run the dialog's machinery (checkInviteFor, sendInviteFor, the check token) for a
 * dossier and for a unit, on a real database.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/lib/db/client';
import * as t from '@/lib/db/schema';
import { submitInviteFormFor } from '@/lib/invites/invite-actions';
import type { InviteGrant } from '@/lib/invites/target';
import { openTestDb } from '../support/db';
import { grantFor, makeDossier, makeOrganisation, makeStaff, unitGrantFor } from '../support/fixtures';

// On the server 'server-only' is an empty module (the react-server condition).
vi.mock('server-only', () => ({}));

const globalDb = globalThis as typeof globalThis & { __diplonDb?: DatabaseHandle };
let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDb();
  globalDb.__diplonDb = handle;
});
afterAll(async () => {
  delete globalDb.__diplonDb;
  await handle.close();
});

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

/** Check, then Verstuur with the token Check put in the form. */
async function checkThenSend(grant: InviteGrant, role: string, email: string, extra: Record<string, string> = {}) {
  const checked = await submitInviteFormFor(grant, form({ role, email, step: 'check', ...extra }));
  if (checked.status !== 'form' || checked.state.result?.status !== 'ok') throw new Error(`Check did not pass: ${JSON.stringify(checked)}`);
  return { checked: checked.state, send: (fields: Record<string, string> = {}) => submitInviteFormFor(grant, form({ role, email: checked.state.values.email, checkToken: (checked.state.result as { checkToken: string }).checkToken, step: 'send', ...extra, ...fields })) };
}

async function setup() {
  const db = handle.db;
  const org = await makeOrganisation(db);
  const { dossier } = await makeDossier(db, org, { givenName: 'Fien', familyName: `Formulier${Date.now()}` });
  const { viewer } = await makeStaff(db, { role: 'centre_staff', centreId: org.centre.id });
  return { db, org, dossier, viewer, grant: await grantFor(db, viewer, dossier.id, 'contacts.manage') };
}

describe("the invitation page's form", () => {
  it('Check keeps what was typed and answers like the dialog; a typo offers its suggestion', async () => {
    const { grant } = await setup();
    const typo = await submitInviteFormFor(grant, form({ role: 'parent', email: 'ouder@gmial.com', expectedName: 'Fien Formulier', locale: 'fr' }));
    expect(typo).toEqual({
      status: 'form',
      state: { values: { email: 'ouder@gmial.com', expectedName: 'Fien Formulier', locale: 'fr' }, result: expect.objectContaining({ status: 'typo', suggestion: 'ouder@gmail.com' }) },
    });
    // 'Gebruik …' checks the suggestion instead of the field.
    const used = await submitInviteFormFor(grant, form({ role: 'parent', email: 'ouder@gmial.com', suggestion: 'ouder@gmail.com' }));
    expect(used).toMatchObject({ status: 'form', state: { values: { email: 'ouder@gmail.com' }, result: { status: 'ok', email: 'ouder@gmail.com' } } });
  });

  it('Verstuur sends only the address, role and dossier that passed Check, with the name and language of the form', async () => {
    const { db, dossier, grant } = await setup();
    const { send } = await checkThenSend(grant, 'parent', ' Ouder.Twee@Example.be ', { expectedName: '  Fien   Formulier ', locale: 'en' });
    // The address is normalised as in the dialog (spaces gone, domain in lower case). Another address
    // in the field, another role or no token: refused, nothing stored.
    expect(await send({ email: 'ander@example.be' })).toMatchObject({ status: 'form', state: { result: { status: 'error', message: 'Klik eerst op Check voor precies dit adres.' } } });
    expect(await send({ role: 'teacher' })).toMatchObject({ status: 'form', state: { result: { status: 'error' } } });
    expect(await send({ checkToken: '' })).toMatchObject({ status: 'form', state: { result: { status: 'error' } } });
    expect(await db.select().from(t.invitations).where(eq(t.invitations.dossierId, dossier.id))).toHaveLength(0);

    const sent = await send();
    expect(sent).toEqual({ status: 'sent', invitationId: expect.any(String) });
    const [row] = await db.select().from(t.invitations).where(eq(t.invitations.dossierId, dossier.id));
    expect(row).toMatchObject({ id: (sent as { invitationId: string }).invitationId, email: 'Ouder.Twee@example.be', role: 'parent', expectedName: 'Fien Formulier', locale: 'en' });
    // Sent twice (a double tap): the second is refused as an open invitation.
    expect(await send()).toMatchObject({ status: 'form', state: { result: { status: 'error', message: 'Er staat al een uitnodiging open voor dit adres.' } } });
  });

  it('a check token of another dossier, or a hand-made body that is no form, sends nothing', async () => {
    const first = await setup();
    const other = await grantFor(first.db, first.viewer, (await makeDossier(first.db, first.org, { givenName: 'Ander', familyName: `Dossier${Date.now()}` })).dossier.id, 'contacts.manage');
    const { checked } = await checkThenSend(first.grant, 'parent', 'ouder.drie@example.be');
    const token = (checked.result as { checkToken: string }).checkToken;
    expect(await submitInviteFormFor(other, form({ role: 'parent', email: 'ouder.drie@example.be', checkToken: token, step: 'send' }))).toMatchObject({ status: 'form', state: { result: { status: 'error' } } });
    expect(await submitInviteFormFor(first.grant, { role: 'parent', email: 'ouder.drie@example.be', checkToken: token, step: 'send' })).toMatchObject({
      status: 'form',
      state: { values: { email: '' }, result: { status: 'invalid' } },
    });
    expect(await first.db.select().from(t.invitations).where(eq(t.invitations.email, 'ouder.drie@example.be'))).toHaveLength(0);
  });

  it("a unit's staff: only its one staff role, then sent as a membership invitation", async () => {
    const { db, org, viewer } = await setup();
    const school = org.school;
    const grant = await unitGrantFor(db, viewer, { kind: 'school', id: school.id }, 'staff.manage');
    expect(await submitInviteFormFor(grant, form({ role: 'parent', email: 'directie@example.be' }))).toMatchObject({ status: 'form', state: { result: { status: 'invalid' } } });
    const { send } = await checkThenSend(grant, 'school_manager', 'directie@example.be');
    const sent = await send();
    expect(sent.status).toBe('sent');
    const rows = await db.select().from(t.invitations).where(and(eq(t.invitations.schoolId, school.id), eq(t.invitations.email, 'directie@example.be')));
    expect(rows).toMatchObject([{ staffRole: 'school_manager', dossierId: null }]);
  });
});
