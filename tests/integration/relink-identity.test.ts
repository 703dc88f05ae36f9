import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSession } from '@/lib/auth/find-session';
import { hashSessionToken } from '@/lib/auth/session-token';
import type { DatabaseHandle } from '@/lib/db/client';
import * as t from '@/lib/db/schema';
import { relinkIdentity } from '@/lib/people/relink-identity';
import { openTestDb } from '../support/db';
import { makeDossier, makeOrganisation, makeUser } from '../support/fixtures';

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

async function setting() {
  const db = handle.db;
  const org = await makeOrganisation(db);
  const staff = await makeUser(db, 'Greet Beheer');
  await db.insert(t.staffMemberships).values({ userId: staff.id, role: 'centre_staff', centreId: org.centre.id });
  const staffMemberships = [{ role: 'centre_staff' as const, centreId: org.centre.id, schoolId: null, departmentId: null }];
  const dossier = await makeDossier(db, org);
  const known = await makeUser(db, 'Koen Willems');
  await db.insert(t.dossierContacts).values({ dossierId: dossier.dossier.id, userId: known.id, role: 'parent', grantedBy: staff.id });
  // The same person after re-creating their itsme account: a new sub, registered as a stranger.
  const [fresh] = await db.insert(t.users).values({ itsmeSub: `recreated-${randomBytes(6).toString('hex')}`, givenName: 'Koen', familyName: 'Willems', email: 'koen@nieuw.example' }).returning();
  return { org, staff: { id: staff.id, memberships: staffMemberships }, dossier, known, fresh: fresh! };
}

describe("'Koppel opnieuw': a re-created itsme account takes over the known person's access", () => {
  it('moves the new sub onto the known person, keeps their contacts, ends both sessions and audits it', async () => {
    const db = handle.db;
    const { staff, dossier, known, fresh } = await setting();
    const knownSession = await sessionFor(known.id);
    const freshSession = await sessionFor(fresh.id);

    expect(await relinkIdentity(db, { staff, knownUserId: known.id, newUserId: fresh.id, origin: '198.51.100.3' })).toEqual({ status: 'relinked' });

    const [after] = await db.select().from(t.users).where(eq(t.users.id, known.id));
    expect(after).toMatchObject({ itsmeSub: fresh.itsmeSub, givenName: 'Koen', familyName: 'Willems', email: 'koen@nieuw.example' });
    const [stranger] = await db.select().from(t.users).where(eq(t.users.id, fresh.id));
    expect(stranger!.itsmeSub).toBe(`relinked:${fresh.id}`);
    // A login with the new sub now finds the known person, with their dossier.
    const [bySub] = await db.select().from(t.users).where(eq(t.users.itsmeSub, fresh.itsmeSub));
    expect(bySub!.id).toBe(known.id);
    const contacts = await db.select().from(t.dossierContacts).where(eq(t.dossierContacts.userId, known.id));
    expect(contacts).toEqual([expect.objectContaining({ dossierId: dossier.dossier.id, revokedAt: null })]);
    expect(await findSession(db, knownSession)).toBeNull();
    expect(await findSession(db, freshSession)).toBeNull();
    const [event] = await db.select().from(t.auditEvents).where(eq(t.auditEvents.action, 'identity_relinked'));
    expect(event).toMatchObject({ actorId: staff.id, targetType: 'user', targetId: known.id, details: { replacedUserId: fresh.id }, origin: '198.51.100.3' });
  });

  it('is refused for staff of another centre (not found), and changes nothing', async () => {
    const db = handle.db;
    const { known, fresh } = await setting();
    const other = await setting();
    expect(await relinkIdentity(db, { staff: other.staff, knownUserId: known.id, newUserId: fresh.id })).toEqual({ status: 'not_found' });
    const [after] = await db.select().from(t.users).where(eq(t.users.id, known.id));
    expect(after!.itsmeSub).toBe(known.itsmeSub);
  });

  it('is refused for anyone who is not centre staff', async () => {
    const { known, fresh, org } = await setting();
    const manager = { id: known.id, memberships: [{ role: 'school_manager' as const, centreId: null, schoolId: org.school.id, departmentId: null }] };
    expect(await relinkIdentity(handle.db, { staff: manager, knownUserId: known.id, newUserId: fresh.id })).toEqual({ status: 'not_found' });
  });

  it('is refused when the new identity already has access (a merge), or itsme’s family names differ', async () => {
    const db = handle.db;
    const { staff, known, fresh, dossier } = await setting();
    await db.insert(t.dossierContacts).values({ dossierId: dossier.dossier.id, userId: fresh.id, role: 'teacher', grantedBy: staff.id });
    expect(await relinkIdentity(db, { staff, knownUserId: known.id, newUserId: fresh.id })).toEqual({ status: 'new_identity_has_access' });

    const second = await setting();
    await db.update(t.users).set({ familyName: 'Anders' }).where(eq(t.users.id, second.fresh.id));
    expect(await relinkIdentity(db, { staff: second.staff, knownUserId: second.known.id, newUserId: second.fresh.id })).toEqual({ status: 'names_differ' });
    expect(await relinkIdentity(db, { staff: second.staff, knownUserId: second.known.id, newUserId: second.known.id })).toEqual({ status: 'same_person' });
    const [unchanged] = await db.select().from(t.users).where(eq(t.users.id, second.known.id));
    expect(unchanged!.itsmeSub).toBe(second.known.itsmeSub);
  });
});
