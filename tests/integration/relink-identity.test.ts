import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDossierEvents } from '@/lib/audit/list-dossier-events';
import { findSession } from '@/lib/auth/find-session';
import { hashSessionToken } from '@/lib/auth/session-token';
import type { DatabaseHandle } from '@/lib/db/client';
import * as t from '@/lib/db/schema';
import { resolveUnitGrant } from '@/lib/organisation/unit-grant';
import { findKnownPeople, findKnownPerson, listNewIdentities } from '@/lib/people/find-relink-candidates';
import { listRelinks } from '@/lib/people/list-relinks';
import { relinkIdentity } from '@/lib/people/relink-identity';
import { openTestDb } from '../support/db';
import { grantFor, makeDossier, makeOrganisation, makeStaff, makeUser, unitGrantFor } from '../support/fixtures';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(async () => handle.close());

async function sessionFor(userId: string) {
  const token = randomBytes(24).toString('hex');
  await handle.db.insert(t.sessions).values({ sessionToken: hashSessionToken(token), userId, expires: new Date(Date.now() + 3_600_000) });
  return token;
}

/** A person who re-created their itsme account: a new sub, registered as a stranger. */
async function recreated(givenName: string, familyName: string) {
  const [fresh] = await handle.db
    .insert(t.users)
    .values({ itsmeSub: `recreated-${randomBytes(6).toString('hex')}`, givenName, familyName, email: 'koen@nieuw.example' })
    .returning();
  return fresh!;
}

async function setting() {
  const db = handle.db;
  const org = await makeOrganisation(db);
  const { user: staffUser, viewer } = await makeStaff(db, { role: 'centre_staff', centreId: org.centre.id }, 'Greet Beheer');
  const grant = await unitGrantFor(db, viewer, { kind: 'centre', id: org.centre.id }, 'people.relink');
  const dossier = await makeDossier(db, org);
  const familyName = `Willems${randomBytes(3).toString('hex')}`;
  const known = await makeUser(db, `Koen ${familyName}`);
  await db.insert(t.dossierContacts).values({ dossierId: dossier.dossier.id, userId: known.id, role: 'parent', grantedBy: staffUser.id });
  const fresh = await recreated('Koen', familyName);
  return { org, staffUser, viewer, grant, dossier, known, fresh, familyName };
}

describe("'Koppel opnieuw': a re-created itsme account takes over the known person's access", () => {
  it('moves the new sub onto the known person, keeps their contacts, ends both sessions and audits it for the centre and the dossier', async () => {
    const db = handle.db;
    const { grant, staffUser, viewer, dossier, known, fresh } = await setting();
    const knownSession = await sessionFor(known.id);
    const freshSession = await sessionFor(fresh.id);

    expect(await relinkIdentity(db, grant, { knownUserId: known.id, newUserId: fresh.id })).toEqual({ status: 'relinked', name: known.givenName + ' ' + known.familyName });

    const [after] = await db.select().from(t.users).where(eq(t.users.id, known.id));
    expect(after).toMatchObject({ itsmeSub: fresh.itsmeSub, givenName: 'Koen', familyName: fresh.familyName, email: 'koen@nieuw.example' });
    const [stranger] = await db.select().from(t.users).where(eq(t.users.id, fresh.id));
    expect(stranger!.itsmeSub).toBe(`relinked:${fresh.id}`);
    // A login with the new sub now finds the known person, with their dossier.
    const [bySub] = await db.select().from(t.users).where(eq(t.users.itsmeSub, fresh.itsmeSub));
    expect(bySub!.id).toBe(known.id);
    const contacts = await db.select().from(t.dossierContacts).where(eq(t.dossierContacts.userId, known.id));
    expect(contacts).toEqual([expect.objectContaining({ dossierId: dossier.dossier.id, revokedAt: null })]);
    expect(await findSession(db, knownSession)).toBeNull();
    expect(await findSession(db, freshSession)).toBeNull();

    const [event] = await db
      .select()
      .from(t.auditEvents)
      .where(and(eq(t.auditEvents.action, 'identity_relinked'), eq(t.auditEvents.targetId, known.id), isNull(t.auditEvents.dossierId)));
    expect(event).toMatchObject({ actorId: staffUser.id, targetType: 'user', details: { replacedUserId: fresh.id, centreId: grant.unit.centreId }, origin: '203.0.113.7' });
    // The centre's 'Koppel opnieuw' page lists it: who, for whom, which account.
    expect(await listRelinks(db, grant)).toEqual([
      expect.objectContaining({ actor: 'Greet Beheer', knownUserId: known.id, person: `Koen ${fresh.familyName}`, replacedUserId: fresh.id }),
    ]);
    // The dossier's logbook shows it with the person and the account they took over.
    const log = await grantFor(db, viewer, dossier.dossier.id, 'audit.view');
    const { events } = await listDossierEvents(db, log, { kind: 'access' });
    expect(events[0]).toMatchObject({
      action: 'identity_relinked',
      actor: 'Greet Beheer',
      subject: `Koen ${fresh.familyName}`,
      role: 'parent',
      replaced: { name: `Koen ${fresh.familyName}`, registeredAt: fresh.createdAt },
    });
    // A dead row is no candidate and cannot be relinked again.
    expect(await relinkIdentity(db, grant, { knownUserId: known.id, newUserId: fresh.id })).toEqual({ status: 'refused' });
  });

  it('is refused for staff of another centre, and for a known person outside the centre, and changes nothing', async () => {
    const db = handle.db;
    const { known, fresh } = await setting();
    const other = await setting();
    expect(await relinkIdentity(db, other.grant, { knownUserId: known.id, newUserId: fresh.id })).toEqual({ status: 'refused' });
    const outsider = await makeUser(db, `Koen ${other.familyName}`);
    expect(await relinkIdentity(db, other.grant, { knownUserId: outsider.id, newUserId: other.fresh.id })).toEqual({ status: 'refused' });
    const [after] = await db.select().from(t.users).where(eq(t.users.id, known.id));
    expect(after!.itsmeSub).toBe(known.itsmeSub);
  });

  it('gives nobody but centre staff the grant: not a school manager, not on a school', async () => {
    const db = handle.db;
    const { org } = await setting();
    const { viewer: manager } = await makeStaff(db, { role: 'school_manager', schoolId: org.school.id });
    expect(await resolveUnitGrant(db, manager, { kind: 'centre', id: org.centre.id }, 'people.relink')).toBeNull();
    expect(await resolveUnitGrant(db, manager, { kind: 'school', id: org.school.id }, 'people.relink')).toBeNull();
    const { viewer: centre } = await makeStaff(db, { role: 'centre_staff', centreId: org.centre.id });
    expect(await resolveUnitGrant(db, centre, { kind: 'school', id: org.school.id }, 'people.relink')).toBeNull();
  });

  it('is refused when the new identity already has access (a merge), itsme’s family names differ, the same person twice, or malformed ids', async () => {
    const db = handle.db;
    const { grant, staffUser, known, fresh, dossier } = await setting();
    await db.insert(t.dossierContacts).values({ dossierId: dossier.dossier.id, userId: fresh.id, role: 'teacher', grantedBy: staffUser.id });
    expect(await relinkIdentity(db, grant, { knownUserId: known.id, newUserId: fresh.id })).toEqual({ status: 'refused' });

    const second = await setting();
    await db.update(t.users).set({ familyName: 'Anders' }).where(eq(t.users.id, second.fresh.id));
    expect(await relinkIdentity(db, second.grant, { knownUserId: second.known.id, newUserId: second.fresh.id })).toEqual({ status: 'refused' });
    expect(await relinkIdentity(db, second.grant, { knownUserId: second.known.id, newUserId: second.known.id })).toEqual({ status: 'refused' });
    for (const bad of [null, 'x', 42, { id: second.known.id }]) {
      expect(await relinkIdentity(db, second.grant, { knownUserId: bad, newUserId: second.fresh.id })).toEqual({ status: 'refused' });
      expect(await relinkIdentity(db, second.grant, { knownUserId: second.known.id, newUserId: bad })).toEqual({ status: 'refused' });
    }
    const [unchanged] = await db.select().from(t.users).where(eq(t.users.id, second.known.id));
    expect(unchanged!.itsmeSub).toBe(second.known.itsmeSub);
  });
});

describe("'Koppel opnieuw': finding both persons", () => {
  it('finds known people of the centre by name only, and offers as new account only later registrations without access and with the same family name', async () => {
    const db = handle.db;
    const { grant, staffUser, known, fresh, familyName, dossier } = await setting();
    const other = await setting();
    // Search by a part of the name, case-insensitive; people of another centre are not found.
    const found = (await findKnownPeople(db, grant, familyName.toUpperCase()))!;
    expect(found.map((p) => p.id)).toEqual([known.id]);
    expect(found[0]).toMatchObject({ name: `Koen ${familyName}`, contactRoles: ['parent'], staffRoles: [] });
    expect(await findKnownPeople(db, grant, 'k')).toEqual([]);
    expect(await findKnownPeople(db, grant, 'koen@nieuw.example')).toEqual([]);
    expect(await findKnownPerson(db, grant, other.known.id)).toBeNull();
    expect(await findKnownPerson(db, grant, 'not-a-uuid')).toBeNull();
    // The centre's own staff are known people too.
    expect((await findKnownPerson(db, grant, staffUser.id))?.staffRoles).toEqual(['centre_staff']);

    const withAccess = await recreated('Koen', familyName);
    await db.insert(t.dossierContacts).values({ dossierId: dossier.dossier.id, userId: withAccess.id, role: 'teacher', grantedBy: staffUser.id });
    const otherName = await recreated('Koen', 'Anders');
    const knownPerson = (await findKnownPerson(db, grant, known.id))!;
    const candidates = await listNewIdentities(db, knownPerson);
    expect(candidates.map((p) => p.id)).toEqual([fresh.id]);
    expect(candidates.map((p) => p.id)).not.toContain(otherName.id);
    expect(candidates[0]).toMatchObject({ name: `Koen ${familyName}`, lastLoginAt: null });
  });
});

describe("'Koppel opnieuw' moves access only inside the centre, only for the same person (issue 22, points 1 and 2)", () => {
  const refused = { status: 'refused' };

  it('refuses a known person who holds access in another centre (a membership or a contact there), and changes nothing', async () => {
    const db = handle.db;
    const { grant, known, fresh } = await setting();
    // The same person is centre staff of centre D as well: a relink on C's grant would move that too.
    const d = await makeOrganisation(db);
    await db.insert(t.staffMemberships).values({ userId: known.id, role: 'centre_staff', centreId: d.centre.id });
    expect(await relinkIdentity(db, grant, { knownUserId: known.id, newUserId: fresh.id })).toEqual(refused);
    const [after] = await db.select().from(t.users).where(eq(t.users.id, known.id));
    expect(after!.itsmeSub).toBe(known.itsmeSub);

    const second = await setting();
    const e = await makeOrganisation(db);
    const elsewhere = await makeDossier(db, e);
    await db.insert(t.dossierContacts).values({ dossierId: elsewhere.dossier.id, userId: second.known.id, role: 'teacher', status: 'awaiting_confirmation' });
    expect(await relinkIdentity(db, second.grant, { knownUserId: second.known.id, newUserId: second.fresh.id })).toEqual(refused);
  });

  it('counts only access-giving contacts: a contact awaiting confirmation is no access in the centre', async () => {
    const db = handle.db;
    const { grant, dossier, staffUser } = await setting();
    const family = `Peeters${randomBytes(3).toString('hex')}`;
    const pending = await makeUser(db, `Jan ${family}`);
    await db.insert(t.dossierContacts).values({ dossierId: dossier.dossier.id, userId: pending.id, role: 'parent', status: 'awaiting_confirmation', grantedBy: staffUser.id });
    const fresh = await recreated('Jan', family);
    expect(await findKnownPerson(db, grant, pending.id)).toBeNull();
    expect(await relinkIdentity(db, grant, { knownUserId: pending.id, newUserId: fresh.id })).toEqual(refused);
  });

  it('requires the same given name, refuses an account without one, and one registered before the known person last logged in', async () => {
    const db = handle.db;
    const sister = await setting();
    await db.update(t.users).set({ givenName: 'Els' }).where(eq(t.users.id, sister.fresh.id));
    expect(await relinkIdentity(db, sister.grant, { knownUserId: sister.known.id, newUserId: sister.fresh.id })).toEqual(refused);

    const nameless = await setting();
    await db.update(t.users).set({ givenName: null }).where(eq(t.users.id, nameless.fresh.id));
    expect(await relinkIdentity(db, nameless.grant, { knownUserId: nameless.known.id, newUserId: nameless.fresh.id })).toEqual(refused);

    // The "new" account existed before the known person's last login: not a re-created account.
    const early = await setting();
    await db.update(t.users).set({ lastLoginAt: new Date(Date.now() + 60_000) }).where(eq(t.users.id, early.known.id));
    expect(await relinkIdentity(db, early.grant, { knownUserId: early.known.id, newUserId: early.fresh.id })).toEqual(refused);
    expect(await listNewIdentities(db, (await findKnownPerson(db, early.grant, early.known.id))!)).toEqual([]);

    // Accents and case are form, not person: 'KOEN' with 'Köen' is the same name.
    const form = await setting();
    await db.update(t.users).set({ givenName: 'KÖEN', familyName: form.familyName.toUpperCase() }).where(eq(t.users.id, form.fresh.id));
    expect(await relinkIdentity(db, form.grant, { knownUserId: form.known.id, newUserId: form.fresh.id })).toMatchObject({ status: 'relinked' });
  });

  it('answers every refusal with one status (nobody learns whether an account has access elsewhere)', async () => {
    const db = handle.db;
    const { grant, staffUser, known, fresh, dossier } = await setting();
    await db.insert(t.dossierContacts).values({ dossierId: dossier.dossier.id, userId: fresh.id, role: 'teacher', grantedBy: staffUser.id });
    const outcomes = [
      await relinkIdentity(db, grant, { knownUserId: known.id, newUserId: fresh.id }),
      await relinkIdentity(db, grant, { knownUserId: known.id, newUserId: known.id }),
      await relinkIdentity(db, grant, { knownUserId: 'x', newUserId: fresh.id }),
    ];
    expect(outcomes).toEqual([refused, refused, refused]);
  });

  it("keeps the person's earlier names in the events", async () => {
    const db = handle.db;
    const { grant, known, fresh } = await setting();
    await db.update(t.users).set({ givenName: 'KOEN' }).where(eq(t.users.id, fresh.id));
    expect(await relinkIdentity(db, grant, { knownUserId: known.id, newUserId: fresh.id })).toMatchObject({ status: 'relinked' });
    const events = await db.select().from(t.auditEvents).where(and(eq(t.auditEvents.action, 'identity_relinked'), eq(t.auditEvents.targetId, known.id)));
    expect(events[0]!.details).toMatchObject({ previousName: { givenName: 'Koen', familyName: known.familyName }, newName: { givenName: 'KOEN', familyName: fresh.familyName } });
  });
});

describe("'Koppel opnieuw' is rate-limited per staff member (issue 22, point 12)", () => {
  it('refuses relinks over RATE_RELINKS_PER_WINDOW and searches over RATE_RELINK_SEARCHES_PER_WINDOW', async () => {
    const db = handle.db;
    const { grant, familyName } = await setting();
    const { env } = await import('@/lib/config/env');
    for (let i = 0; i < env().RATE_RELINK_SEARCHES_PER_WINDOW; i++) expect(await findKnownPeople(db, grant, familyName)).not.toBeNull();
    expect(await findKnownPeople(db, grant, familyName)).toBeNull();
    const outcomes = [];
    for (let i = 0; i <= env().RATE_RELINKS_PER_WINDOW; i++) outcomes.push((await relinkIdentity(db, grant, { knownUserId: randomUUID(), newUserId: randomUUID() })).status);
    expect(outcomes.at(-1)).toBe('rate_limited');
    expect(outcomes.slice(0, -1).every((s) => s === 'refused')).toBe(true);
  });
});
