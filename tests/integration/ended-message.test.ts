import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/lib/db/client';
import * as t from '@/lib/db/schema';
import { sendInvitation } from '@/lib/invites/send-invitation';
import { endMembership } from '@/lib/organisation/end-membership';
import { endedMessage } from '@/lib/organisation/ended-message';
import { openTestDb } from '../support/db';
import { makeDossier, makeOrganisation, makeStaff, unitGrantFor } from '../support/fixtures';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(async () => handle.close());

describe("what 'Toegang intrekken' tells the one who did it", () => {
  it('the access ended, the invitations that person sent died, and the access they still hold elsewhere, for review', async () => {
    const db = handle.db;
    const org = await makeOrganisation(db);
    const { viewer: admin } = await makeStaff(db, { role: 'centre_staff', centreId: org.centre.id });
    const { viewer: manager, user } = await makeStaff(db, { role: 'school_manager', schoolId: org.school.id }, 'Jan Peeters');
    // The same person also manages the other school and is a parent of a pupil.
    await db.insert(t.staffMemberships).values({ userId: user.id, role: 'school_manager', schoolId: org.otherSchool.id });
    const { dossier } = await makeDossier(db, org);
    await db.insert(t.dossierContacts).values({ dossierId: dossier.id, userId: user.id, role: 'parent' });
    const departmentGrant = await unitGrantFor(db, manager, { kind: 'department', id: org.department.id }, 'staff.manage');
    expect(await sendInvitation(db, departmentGrant, { role: 'department_manager', email: 'afdeling@example.be' })).toMatchObject({ status: 'sent' });

    const [membership] = await db.select().from(t.staffMemberships).where(eq(t.staffMemberships.schoolId, org.school.id));
    const outcome = await endMembership(db, await unitGrantFor(db, admin, { kind: 'school', id: org.school.id }, 'staff.manage'), { membershipId: membership!.id });
    if (outcome.status !== 'ended') throw new Error(outcome.status);
    expect(endedMessage(outcome)).toBe(
      'De toegang van Jan Peeters is ingetrokken. 1 open uitnodiging(en) die Jan Peeters verstuurde, zijn geannuleerd. ' +
        'Jan Peeters heeft zelf nog andere toegang: 1 rol(len) in Beheer organisatie en 1 dossier(s) als contactpersoon. Kijk na of die nog nodig is.',
    );
  });

  it('says only that the access ended when there is nothing else to review', async () => {
    const db = handle.db;
    const org = await makeOrganisation(db);
    const { viewer: admin } = await makeStaff(db, { role: 'centre_staff', centreId: org.centre.id });
    const { user } = await makeStaff(db, { role: 'school_manager', schoolId: org.school.id }, 'Mats Directeur');
    const [membership] = await db.select().from(t.staffMemberships).where(eq(t.staffMemberships.userId, user.id));
    const outcome = await endMembership(db, await unitGrantFor(db, admin, { kind: 'school', id: org.school.id }, 'staff.manage'), { membershipId: membership!.id });
    if (outcome.status !== 'ended') throw new Error(outcome.status);
    expect(endedMessage(outcome)).toBe('De toegang van Mats Directeur is ingetrokken.');
  });
});
