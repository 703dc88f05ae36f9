import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSession } from '@/lib/auth/find-session';
import { sessionPolicy } from '@/lib/auth/session-policy';
import { hashSessionToken } from '@/lib/auth/session-token';
import type { DatabaseHandle } from '@/lib/db/client';
import * as t from '@/lib/db/schema';
import { openTestDb } from '../support/db';
import { makeDossier, makeOrganisation, makeUser } from '../support/fixtures';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(async () => handle.close());

async function sessionFor(userId: string, lastSeenAt = new Date()) {
  const token = randomBytes(24).toString('hex');
  await handle.db.insert(t.sessions).values({ sessionToken: hashSessionToken(token), userId, expires: new Date(Date.now() + 3_600_000), lastSeenAt });
  return token;
}

describe('findSession (every signed-in request)', () => {
  it('gives the person, their active memberships and whether they hold a dossier, in one read', async () => {
    const db = handle.db;
    const org = await makeOrganisation(db);
    const staff = await makeUser(db, 'Greet Dubbel');
    await db.insert(t.staffMemberships).values([
      { userId: staff.id, role: 'centre_staff', centreId: org.centre.id },
      { userId: staff.id, role: 'school_manager', schoolId: org.otherSchool.id },
      { userId: staff.id, role: 'department_manager', departmentId: org.department.id, active: false },
    ]);
    const viewer = await findSession(db, await sessionFor(staff.id));
    expect(viewer?.user).toMatchObject({ id: staff.id, givenName: 'Greet', familyName: 'Dubbel' });
    expect(viewer?.memberships).toEqual([
      { role: 'centre_staff', centreId: org.centre.id, schoolId: null, departmentId: null },
      { role: 'school_manager', centreId: null, schoolId: org.otherSchool.id, departmentId: null },
    ]);
    expect(viewer?.hasDossiers).toBe(false);
  });

  it('counts only contacts that are not revoked', async () => {
    const db = handle.db;
    const org = await makeOrganisation(db);
    const parent = await makeUser(db, 'Mira Ouder');
    const granter = await makeUser(db, 'Sofie Janssens');
    const { dossier } = await makeDossier(db, org);
    const token = await sessionFor(parent.id);
    expect(await findSession(db, token)).toMatchObject({ memberships: [], hasDossiers: false });
    const [contact] = await db.insert(t.dossierContacts).values({ dossierId: dossier.id, userId: parent.id, role: 'parent', grantedBy: granter.id }).returning();
    expect((await findSession(db, token))?.hasDossiers).toBe(true);
    await db.update(t.dossierContacts).set({ revokedAt: new Date(), revokedBy: granter.id }).where(eq(t.dossierContacts.id, contact!.id));
    expect((await findSession(db, token))?.hasDossiers).toBe(false);
  });

  it('ends an idle session and forgets an unknown token', async () => {
    const db = handle.db;
    const person = await makeUser(db);
    const idle = new Date(Date.now() - sessionPolicy().idleMs - 1000);
    const token = await sessionFor(person.id, idle);
    expect(await findSession(db, token)).toBeNull();
    expect(await db.select().from(t.sessions).where(eq(t.sessions.sessionToken, hashSessionToken(token)))).toEqual([]);
    expect(await findSession(db, 'no-such-token')).toBeNull();
  });
});
