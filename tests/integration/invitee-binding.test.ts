import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSession } from '@/lib/auth/find-session';
import { hashSessionToken } from '@/lib/auth/session-token';
import { decideContact } from '@/lib/contacts/decide-contact';
import type { DatabaseHandle } from '@/lib/db/client';
import * as t from '@/lib/db/schema';
import { resolveDossierGrant } from '@/lib/dossiers/dossier-grant';
import { listContacts } from '@/lib/dossiers/list-contacts';
import { listMyDossiers } from '@/lib/dossiers/list-my-dossiers';
import { acceptInvitation } from '@/lib/invites/accept-invitation';
import { compareNames } from '@/lib/invites/compare-names';
import { setAccountLocale } from '@/lib/people/set-account-locale';
import { findInvitationByToken } from '@/lib/invites/find-invitation-by-token';
import { sendInvitation } from '@/lib/invites/send-invitation';
import { renderMail } from '@/lib/mail/render';
import { notifyContacts } from '@/lib/notifications/notify-contacts';
import { unseal } from '@/lib/mail/seal';
import { SEALED_KEY, toRenderPayload } from '@/lib/mail/templates';
import { randomUUID } from 'node:crypto';
import { openTestDb } from '../support/db';
import { grantFor, makeDossier, makeOrganisation, makeStaff } from '../support/fixtures';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(async () => handle.close());

/**
 * Real name pairs: what the school wrote, and the name itsme verified. The first list must give
 * access at once; the second must wait for the centre's confirmation.
 */
const MUST_MATCH: [expected: string, given: string, family: string][] = [
  ['Koen Willems', 'Koen', 'Willems'],
  ['koen willems', 'KOEN', 'WILLEMS'],
  ['WILLEMS Koen', 'Koen', 'Willems'],
  ['Hélène Dubois', 'Helene', 'DUBOIS'],
  ['Helene Dubois', 'Hélène', 'Dubois'],
  ['Jan Peeters', 'Jan Frans Maria', 'Peeters'],
  ['Marie Dubois', 'Marie', 'Dubois-Lefèvre'],
  ['Marie Lefèvre', 'Marie Anne', 'Dubois-Lefèvre'],
  ['An Van den Broeck', 'An', 'Van den Broeck'],
  ['An Vandenbroeck', 'An', 'Van den Broeck'],
  ['Van Den Broeck An', 'An', 'Vandenbroeck'],
  ['Jean-Pierre Dupont', 'Jean-Pierre', 'Dupont'],
  ['Jean Pierre Dupont', 'Jean-Pierre Louis', 'Dupont'],
  ['Pieter De Smet', 'Pieter', 'De Smet'],
  ["Sofie D'Hondt", 'Sofie', 'D’Hondt'],
  ['Sofie Dhondt', 'Sofie', "D'Hondt"],
  ['Mohamed El Amrani', 'Mohamed', 'El Amrani'],
  ['Ayşe Yılmaz', 'Ayse', 'Yilmaz'],
  ['Nguyễn Văn An', 'Văn An', 'Nguyễn'],
  ['José García', 'José Luis', 'García Márquez'],
  ["Siobhán O'Brien", 'Siobhan', "O'Brien"],
  ['Björn Müller', 'Björn', 'Müller'],
  ['Anne-Sophie Leclercq', 'Anne-Sophie Marie Ghislaine', 'Leclercq'],
  ['  Lies   Vermeulen ', 'Lies', 'Vermeulen'],
  ['Jan Frans Peeters', 'Jan Frans Maria', 'Peeters'],
];

const MUST_NOT_MATCH: [expected: string, given: string, family: string][] = [
  ['Marie Dubois', 'Marc', 'Dubois'],
  ['Lotte Janssens', 'Emma', 'Janssens'],
  ['Koen Willems', 'Koen', 'Willemsen'],
  ['Jan Peeters', 'Jan', 'Peters'],
  ['An Peeters', 'Anneleen', 'Peeters'],
  ['Marie-Claire Dubois', 'Marie', 'Dubois'],
  ['Marie Dubois', 'Marie-Claire', 'Dubois'],
  ['Marie Dubois-Lefèvre', 'Marie', 'Dubois'],
  ['Peeters', 'Jan', 'Peeters'],
  ['Jan', 'Jan', 'Peeters'],
  ['J. Peeters', 'Jan', 'Peeters'],
  ['Koen Willems', 'Sofie', 'Janssens'],
  ['An Van den Broeck', 'An', 'Broeck'],
  ['Kevin De Smet', 'Kevin', 'Smet'],
  ['Mohamed El Amrani', 'Mohammed', 'El Amrani'],
  ['Koen Willems en Els Peeters', 'Koen', 'Willems'],
  ['Fatima Benali', 'Fatima', 'Ben Ali Mansour'],
  // Issue 22, point 6: the written given names are itsme's first ones, in order, not any of them.
  ['Frans Peeters', 'Jan Frans', 'Peeters'],
  ['Maria Peeters', 'Jan Frans Maria', 'Peeters'],
  ['Frans Jan Peeters', 'Jan Frans', 'Peeters'],
  ['Jan Maria Peeters', 'Jan Frans Maria', 'Peeters'],
];

let counter = 0;

async function setup(role: t.ContactRole = 'parent') {
  const db = handle.db;
  const org = await makeOrganisation(db);
  const { dossier, student } = await makeDossier(db, org, { givenName: 'Wannes', familyName: `Zeldzaam${++counter}` });
  const { user: inviter, viewer } = await makeStaff(db, { role: 'centre_staff', centreId: org.centre.id });
  await db.update(t.users).set({ email: `inviter${counter}@centrum.example` }).where(eq(t.users.id, inviter.id));
  const grant = await grantFor(db, viewer, dossier.id, 'contacts.manage');
  return { db, org, dossier, student, inviter, viewer, grant, role };
}

/** A person as itsme knows them, with a live session read back as every request reads it. */
async function person(givenName: string, familyName: string, locale: t.Locale | null = null) {
  const db = handle.db;
  const [user] = await db.insert(t.users).values({ itsmeSub: `itsme-${randomUUID()}`, givenName, familyName, email: null, locale }).returning();
  const token = `test-${randomUUID()}`;
  await db.insert(t.sessions).values({ sessionToken: hashSessionToken(token), userId: user!.id, expires: new Date(Date.now() + 3_600_000) });
  return { user: user!, viewer: (await findSession(db, token))! };
}

async function invite(ctx: Awaited<ReturnType<typeof setup>>, options: { expectedName?: string | null; locale?: t.Locale; email?: string } = {}) {
  const sent = await sendInvitation(ctx.db, ctx.grant, {
    role: ctx.role,
    email: options.email ?? `genodigde${++counter}@example.be`,
    expectedName: options.expectedName ?? null,
    locale: options.locale,
  });
  if (sent.status !== 'sent') throw new Error(sent.status);
  const [mail] = await ctx.db.select().from(t.mailOutbox).where(eq(t.mailOutbox.id, sent.mailId));
  const token = unseal((mail!.payload as Record<string, string>)[SEALED_KEY]!).split('/uitnodiging/')[1]!;
  return { ...sent, token, mail: mail! };
}

const canSee = async (viewer: Awaited<ReturnType<typeof person>>['viewer'], dossierId: string) => ({
  dossier: Boolean(await resolveDossierGrant(handle.db, viewer, dossierId, 'dossier.view')),
  contacts: Boolean(await resolveDossierGrant(handle.db, viewer, dossierId, 'contacts.view')),
});

async function auditOf(dossierId: string, action: string) {
  return handle.db
    .select()
    .from(t.auditEvents)
    .where(and(eq(t.auditEvents.dossierId, dossierId), eq(t.auditEvents.action, action)));
}

describe('name comparison at acceptance (real acceptances, one per pair)', () => {
  it.each(MUST_MATCH)('"%s" matches itsme "%s %s": access at once', async (expected, given, family) => {
    expect(compareNames(expected, { givenName: given, familyName: family })).toBe('match');
    const ctx = await setup('parent');
    const sent = await invite(ctx, { expectedName: expected });
    const { user, viewer } = await person(given, family);
    expect(await acceptInvitation(ctx.db, { token: sent.token, userId: user.id })).toEqual({ status: 'accepted', next: `/dossiers/${ctx.dossier.id}` });
    expect(await canSee(viewer, ctx.dossier.id)).toEqual({ dossier: true, contacts: true });
    const [audit] = await auditOf(ctx.dossier.id, 'invitation_accepted');
    expect(audit!.details).toMatchObject({ nameCheck: 'match', expectedName: expected.trim().replace(/\s+/g, ' '), verifiedName: `${given} ${family}` });
  });

  it.each(MUST_NOT_MATCH)('"%s" does not match itsme "%s %s": awaiting confirmation, nothing visible', async (expected, given, family) => {
    expect(compareNames(expected, { givenName: given, familyName: family })).toBe('mismatch');
    const ctx = await setup('teacher');
    const sent = await invite(ctx, { expectedName: expected });
    const { user, viewer } = await person(given, family);
    expect(await acceptInvitation(ctx.db, { token: sent.token, userId: user.id })).toEqual({ status: 'awaiting_confirmation' });
    expect(await canSee(viewer, ctx.dossier.id)).toEqual({ dossier: false, contacts: false });
    expect(await auditOf(ctx.dossier.id, 'invitation_accepted_pending')).toHaveLength(1);
  });

  it('no name given: a parent waits for confirmation, a teacher gets access as before', async () => {
    expect(compareNames('', { givenName: 'Koen', familyName: 'Willems' })).toBe('no_expected_name');
    const parent = await setup('parent');
    const parentInvite = await invite(parent);
    const koen = await person('Koen', 'Willems');
    expect(await acceptInvitation(parent.db, { token: parentInvite.token, userId: koen.user.id })).toEqual({ status: 'awaiting_confirmation' });
    expect(await canSee(koen.viewer, parent.dossier.id)).toEqual({ dossier: false, contacts: false });

    const teacher = await setup('teacher');
    const teacherInvite = await invite(teacher);
    const tine = await person('Tine', 'Klasmans');
    expect(await acceptInvitation(teacher.db, { token: teacherInvite.token, userId: tine.user.id })).toEqual({ status: 'accepted', next: `/dossiers/${teacher.dossier.id}` });
    expect((await canSee(tine.viewer, teacher.dossier.id)).dossier).toBe(true);
  });
});

describe('a contact awaiting confirmation', () => {
  async function awaiting(expectedName: string | null = 'Koen Willems') {
    const ctx = await setup('parent');
    const sent = await invite(ctx, { expectedName });
    const stranger = await person('Marc', 'Willems');
    expect(await acceptInvitation(ctx.db, { token: sent.token, userId: stranger.user.id })).toEqual({ status: 'awaiting_confirmation' });
    const [contact] = await ctx.db.select().from(t.dossierContacts).where(eq(t.dossierContacts.dossierId, ctx.dossier.id));
    return { ...ctx, sent, stranger, contact: contact! };
  }

  it('sees nothing of the dossier: no grant for any action, Mijn dossiers names only the centre, the link is used up', async () => {
    const { db, dossier, student, org, stranger, sent, contact } = await awaiting();
    expect(contact.status).toBe('awaiting_confirmation');
    for (const action of ['dossier.view', 'contacts.view', 'contacts.manage', 'audit.view'] as const) {
      expect(await resolveDossierGrant(db, stranger.viewer, dossier.id, action), action).toBeNull();
    }
    const mine = await listMyDossiers(db, stranger.user.id);
    expect(mine.dossiers).toEqual([]);
    expect(mine.awaitingConfirmation).toEqual([{ role: 'parent', acceptedAt: expect.any(Date), centreName: org.centre.name }]);
    expect(JSON.stringify(mine)).not.toContain(student.familyName);
    // The shell shows 'Mijn dossiers' so the person finds the notice.
    expect((await findSession(db, stranger.viewer.sessionToken))!.hasDossiers).toBe(true);
    expect(await findInvitationByToken(db, sent.token)).toEqual({ valid: false });
  });

  it('staff see the itsme name beside the expected name; the inviter gets a mail (Dutch) naming both', async () => {
    const { db, viewer, dossier, inviter, sent } = await awaiting();
    const contacts = await listContacts(db, await grantFor(db, viewer, dossier.id, 'contacts.view'));
    expect(contacts.active).toEqual([]);
    expect(contacts.awaitingConfirmation).toMatchObject([{ name: 'Marc Willems', expectedName: 'Koen Willems', invitedEmail: sent.email, role: 'parent' }]);
    const [inviterRow] = await db.select().from(t.users).where(eq(t.users.id, inviter.id));
    const mails = await db.select().from(t.mailOutbox).where(eq(t.mailOutbox.toAddress, inviterRow!.email!));
    expect(mails.map((m) => m.template)).toEqual(['invitation_needs_confirmation']);
    const rendered = await renderMail('invitation_needs_confirmation', toRenderPayload('invitation_needs_confirmation', mails[0]!.payload));
    expect(rendered.subject).toBe('Bevestig wie je uitnodiging aanvaardde in Diplon');
    expect(rendered.text).toContain('Marc Willems');
    expect(rendered.text).toContain('De school kende deze persoon als Koen Willems.');
    expect(rendered.text).toContain(`/dossiers/${dossier.id}/contacten`);
  });

  it('confirmed by staff: access from the next request on, audited; a second decision is refused', async () => {
    const { db, grant, dossier, stranger, contact } = await awaiting(null);
    expect(await decideContact(db, grant, { contactId: contact.id, decision: 'confirm' })).toEqual({ status: 'confirmed', name: 'Marc Willems' });
    expect(await canSee(stranger.viewer, dossier.id)).toEqual({ dossier: true, contacts: true });
    const [audit] = await auditOf(dossier.id, 'contact_confirmed');
    expect(audit).toMatchObject({ actorId: grant.actor.id, targetId: contact.id });
    expect(await decideContact(db, grant, { contactId: contact.id, decision: 'refuse' })).toEqual({ status: 'not_found' });
    expect(await decideContact(db, grant, { contactId: contact.id, decision: 'confirm' })).toEqual({ status: 'not_found' });
    expect((await listMyDossiers(db, stranger.user.id)).dossiers).toHaveLength(1);
  });

  it('refused by staff: never access, kept in the history as refused, audited', async () => {
    const { db, grant, viewer, dossier, stranger, contact } = await awaiting();
    expect(await decideContact(db, grant, { contactId: contact.id, decision: 'refuse' })).toEqual({ status: 'refused', name: 'Marc Willems' });
    expect(await canSee(stranger.viewer, dossier.id)).toEqual({ dossier: false, contacts: false });
    const [row] = await db.select().from(t.dossierContacts).where(eq(t.dossierContacts.id, contact.id));
    expect(row).toMatchObject({ status: 'refused', decidedBy: grant.actor.id, revokedBy: grant.actor.id });
    expect((await listContacts(db, await grantFor(db, viewer, dossier.id, 'contacts.view'))).revoked).toMatchObject([{ id: contact.id, status: 'refused' }]);
    expect(await auditOf(dossier.id, 'contact_refused')).toHaveLength(1);
    expect(await decideContact(db, grant, { contactId: contact.id, decision: 'confirm' })).toEqual({ status: 'not_found' });
    expect((await listMyDossiers(db, stranger.user.id)).awaitingConfirmation).toEqual([]);
  });

  it('cannot be decided through another dossier, and a confirmed contact is not "decided" again', async () => {
    const { db, org, viewer, dossier, stranger, contact } = await awaiting();
    const other = await makeDossier(db, org);
    const otherGrant = await grantFor(db, viewer, other.dossier.id, 'contacts.manage');
    expect(await decideContact(db, otherGrant, { contactId: contact.id, decision: 'confirm' })).toEqual({ status: 'not_found' });
    expect(await canSee(stranger.viewer, dossier.id)).toEqual({ dossier: false, contacts: false });
  });
});

describe('a person with an organisation role opening an invitation', () => {
  it('is not given access without the explicit second step; with it, the name rule applies as for anyone', async () => {
    const ctx = await setup('parent');
    const sent = await invite(ctx, { expectedName: 'Pieter Peeters' });
    const { user, viewer } = await makeStaff(ctx.db, { role: 'school_manager', schoolId: (await makeOrganisation(ctx.db)).school.id }, 'Pieter Peeters');
    expect(await acceptInvitation(ctx.db, { token: sent.token, userId: user.id })).toEqual({ status: 'needs_second_step' });
    expect(await resolveDossierGrant(ctx.db, viewer, ctx.dossier.id, 'dossier.view')).toBeNull();
    expect(await findInvitationByToken(ctx.db, sent.token)).toMatchObject({ valid: true });
    expect(await acceptInvitation(ctx.db, { token: sent.token, userId: user.id, confirmedBySelf: true })).toEqual({ status: 'accepted', next: `/dossiers/${ctx.dossier.id}` });
    const [audit] = await auditOf(ctx.dossier.id, 'invitation_accepted');
    expect(audit!.details).toMatchObject({ acceptedByStaffAfterWarning: true, nameCheck: 'match' });
  });

  it('a staff member who is not the person named waits for confirmation even after the second step', async () => {
    const ctx = await setup('parent');
    const sent = await invite(ctx, { expectedName: 'Koen Willems' });
    const { user, viewer } = await makeStaff(ctx.db, { role: 'centre_staff', centreId: (await makeOrganisation(ctx.db)).centre.id }, 'Sofie Janssens');
    expect(await acceptInvitation(ctx.db, { token: sent.token, userId: user.id, confirmedBySelf: true })).toEqual({ status: 'awaiting_confirmation' });
    expect(await resolveDossierGrant(ctx.db, viewer, ctx.dossier.id, 'dossier.view')).toBeNull();
  });
});

describe("the invitee's language", () => {
  it('is stored on the invitation, written into the mail, and becomes the account language at acceptance', async () => {
    const ctx = await setup('parent');
    const sent = await invite(ctx, { expectedName: 'Hélène Dubois', locale: 'fr' });
    expect(await findInvitationByToken(ctx.db, sent.token)).toMatchObject({ valid: true, locale: 'fr' });
    expect(sent.mail.payload).toMatchObject({ locale: 'fr' });
    const link = unseal((sent.mail.payload as Record<string, string>)[SEALED_KEY]!);
    const rendered = await renderMail('invitation', toRenderPayload('invitation', sent.mail.payload, link));
    expect(rendered.subject).toBe(`${ctx.org.centre.name} : invitation à consulter un dossier dans Diplon`);
    expect(rendered.html).toContain('lang="fr-BE"');
    expect(rendered.text).toContain('vous invite à accéder à un dossier');
    expect(rendered.text).toMatch(/valable jusqu’au \d{1,2} \p{L}+ \d{4}/u);
    const helene = await person('Hélène', 'Dubois');
    await acceptInvitation(ctx.db, { token: sent.token, userId: helene.user.id });
    const [row] = await ctx.db.select({ locale: t.users.locale }).from(t.users).where(eq(t.users.id, helene.user.id));
    expect(row!.locale).toBe('fr');
  });

  it('does not overwrite a language the person already chose', async () => {
    const ctx = await setup('teacher');
    const sent = await invite(ctx, { locale: 'fr' });
    const them = await person('John', 'Smith', 'en');
    await acceptInvitation(ctx.db, { token: sent.token, userId: them.user.id, locale: 'fr' });
    const [row] = await ctx.db.select({ locale: t.users.locale }).from(t.users).where(eq(t.users.id, them.user.id));
    expect(row!.locale).toBe('en');
  });

  it('an invitation without a chosen language is Dutch', async () => {
    const ctx = await setup('teacher');
    const sent = await invite(ctx);
    expect(sent.mail.payload).toMatchObject({ locale: 'nl' });
    const rendered = await renderMail('invitation', toRenderPayload('invitation', sent.mail.payload, 'http://localhost/uitnodiging/x'));
    expect(rendered.subject).toBe(`${ctx.org.centre.name}: uitnodiging voor een dossier in Diplon`);
  });
});

describe('the expected name as typed', () => {
  it('is stored clean: hostile characters dropped, spaces collapsed, at most 200 characters', async () => {
    const ctx = await setup('teacher');
    const sent = await invite(ctx, { expectedName: '\u0000Koen\t\nWillems\u200b \ud800' });
    const [row] = await ctx.db.select({ expectedName: t.invitations.expectedName }).from(t.invitations).where(eq(t.invitations.id, sent.invitationId));
    expect(row!.expectedName).toBe('Koen Willems');
    const long = await invite(ctx, { expectedName: 'A'.repeat(5000) });
    const [longRow] = await ctx.db.select({ expectedName: t.invitations.expectedName }).from(t.invitations).where(eq(t.invitations.id, long.invitationId));
    expect(longRow!.expectedName).toHaveLength(200);
    const blank = await invite(ctx, { expectedName: ' \u0000 ' });
    const [blankRow] = await ctx.db.select({ expectedName: t.invitations.expectedName }).from(t.invitations).where(eq(t.invitations.id, blank.invitationId));
    expect(blankRow!.expectedName).toBeNull();
  });
});

describe("contacts' notices ('Er is iets nieuws in het dossier')", () => {
  it('go only to contacts with access, each in their language; never to one awaiting confirmation', async () => {
    const ctx = await setup('parent');
    const fr = await invite(ctx, { expectedName: 'Hélène Dubois', locale: 'fr', email: `helene${counter}@example.be` });
    const helene = await person('Hélène', 'Dubois');
    await acceptInvitation(ctx.db, { token: fr.token, userId: helene.user.id });
    const wrong = await invite(ctx, { expectedName: 'Koen Willems', email: `koen${counter}@example.be` });
    const stranger = await person('Marc', 'Willems');
    expect(await acceptInvitation(ctx.db, { token: wrong.token, userId: stranger.user.id })).toEqual({ status: 'awaiting_confirmation' });

    expect(await notifyContacts(ctx.db, ctx.dossier.id)).toBe(1);
    const toHelene = await ctx.db.select().from(t.mailOutbox).where(and(eq(t.mailOutbox.toAddress, fr.email), eq(t.mailOutbox.template, 'dossier_update')));
    expect(toHelene).toHaveLength(1);
    expect(toHelene[0]!.payload).toMatchObject({ locale: 'fr' });
    const rendered = await renderMail('dossier_update', toRenderPayload('dossier_update', toHelene[0]!.payload));
    expect(rendered.subject).toBe('Du nouveau dans un dossier sur Diplon');
    const toStranger = await ctx.db.select().from(t.mailOutbox).where(and(eq(t.mailOutbox.toAddress, wrong.email), eq(t.mailOutbox.template, 'dossier_update')));
    expect(toStranger).toEqual([]);
  });
});

describe("the account's language (issue 22, points 7 and 11)", () => {
  it('setAccountLocale stores the choice and audits before and after; the same choice again records nothing', async () => {
    const db = handle.db;
    const { user } = await person('Lena', `Taal${++counter}`);
    expect(await setAccountLocale(db, { userId: user.id, locale: 'fr', origin: '203.0.113.9' })).toBe('changed');
    expect(await setAccountLocale(db, { userId: user.id, locale: 'fr', origin: '203.0.113.9' })).toBe('unchanged');
    const [row] = await db.select({ locale: t.users.locale }).from(t.users).where(eq(t.users.id, user.id));
    expect(row!.locale).toBe('fr');
    const events = await db.select().from(t.auditEvents).where(and(eq(t.auditEvents.action, 'locale_changed'), eq(t.auditEvents.targetId, user.id)));
    expect(events).toEqual([expect.objectContaining({ actorId: user.id, details: { from: null, to: 'fr' }, origin: '203.0.113.9' })]);
  });
});
