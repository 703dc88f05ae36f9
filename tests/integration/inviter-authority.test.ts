import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/lib/db/client';
import * as t from '@/lib/db/schema';
import { acceptInvitation } from '@/lib/invites/accept-invitation';
import { findInvitationByToken } from '@/lib/invites/find-invitation-by-token';
import { sendInvitation } from '@/lib/invites/send-invitation';
import { unseal } from '@/lib/mail/seal';
import { SEALED_KEY } from '@/lib/mail/templates';
import { endMembership } from '@/lib/organisation/end-membership';
import { deactivateUnit } from '@/lib/organisation/save-unit';
import { resolvePlacementGrant } from '@/lib/requests/placement-grant';
import { openTestDb } from '../support/db';
import { grantFor, makeDossier, makeOrganisation, makeStaff, makeUser, unitGrantFor } from '../support/fixtures';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(async () => handle.close());

let counter = 0;
async function tokenOf(mailId: string) {
  const [mail] = await handle.db.select().from(t.mailOutbox).where(eq(t.mailOutbox.id, mailId));
  return unseal((mail!.payload as Record<string, string>)[SEALED_KEY]!).split('/uitnodiging/')[1]!;
}

/** A school manager who invites a department manager, and the centre staff member who can remove them. */
async function setting() {
  const db = handle.db;
  const org = await makeOrganisation(db);
  const { viewer: centre } = await makeStaff(db, { role: 'centre_staff', centreId: org.centre.id });
  const { user: manager, viewer: managerViewer } = await makeStaff(db, { role: 'school_manager', schoolId: org.school.id }, 'Directeur Vertrekt');
  const grant = await unitGrantFor(db, managerViewer, { kind: 'department', id: org.department.id }, 'staff.manage');
  const sent = await sendInvitation(db, grant, { role: 'department_manager', email: `prive${++counter}@example.be` });
  if (sent.status !== 'sent') throw new Error(sent.status);
  const [membership] = await db.select().from(t.staffMemberships).where(eq(t.staffMemberships.userId, manager.id));
  return { db, org, centre, manager, managerViewer, sent, token: await tokenOf(sent.mailId), membership: membership! };
}

const statusOf = async (id: string) => (await handle.db.select({ status: t.invitations.status }).from(t.invitations).where(eq(t.invitations.id, id)))[0]!.status;

describe('an invitation is worth only what its inviter may still give (issue 22, point 4)', () => {
  it('accepting after the inviter lost the managing permission (ended another way) gives nothing and kills the link', async () => {
    const { db, manager, sent, token, org } = await setting();
    // The membership ends without 'Toegang intrekken' (say, by a later data fix): acceptance re-checks.
    await db.update(t.staffMemberships).set({ active: false }).where(eq(t.staffMemberships.userId, manager.id));
    const person = await makeUser(db, 'Vriend Prive');
    expect(await acceptInvitation(db, { token, userId: person.id })).toEqual({ status: 'invalid' });
    expect(await db.select().from(t.staffMemberships).where(eq(t.staffMemberships.userId, person.id))).toEqual([]);
    expect(await statusOf(sent.invitationId)).toBe('cancelled');
    expect((await findInvitationByToken(db, token)).valid).toBe(false);
    const [event] = await db.select().from(t.auditEvents).where(and(eq(t.auditEvents.action, 'invitation_cancelled'), eq(t.auditEvents.targetId, sent.invitationId)));
    expect(event!.details).toMatchObject({ reason: 'inviter_lost_authority', unitKind: 'department', unitId: org.department.id });
  });

  it("'Toegang intrekken' cancels the open invitations the person sent and lists what they still hold", async () => {
    const { db, org, centre, sent, membership, manager } = await setting();
    const { dossier } = await makeDossier(db, org);
    await db.insert(t.dossierContacts).values({ dossierId: dossier.id, userId: manager.id, role: 'parent' });
    const centreGrant = await unitGrantFor(db, centre, { kind: 'school', id: org.school.id }, 'staff.manage');
    const ended = await endMembership(db, centreGrant, { membershipId: membership.id });
    expect(ended).toMatchObject({ status: 'ended', cancelledInvitations: 1, remaining: { memberships: [], contacts: [{ dossierId: dossier.id, role: 'parent' }] } });
    expect(await statusOf(sent.invitationId)).toBe('cancelled');
  });

  it('a dossier invitation dies when its inviter no longer manages the dossier', async () => {
    const db = handle.db;
    const org = await makeOrganisation(db);
    const { dossier } = await makeDossier(db, org);
    const { user: manager, viewer } = await makeStaff(db, { role: 'school_manager', schoolId: org.school.id });
    const grant = await grantFor(db, viewer, dossier.id, 'contacts.manage');
    const sent = await sendInvitation(db, grant, { role: 'teacher', email: `leerkracht${++counter}@example.be`, expectedName: 'Jan Peeters' });
    if (sent.status !== 'sent') throw new Error(sent.status);
    await db.update(t.staffMemberships).set({ active: false }).where(eq(t.staffMemberships.userId, manager.id));
    const jan = await makeUser(db, 'Jan Peeters');
    expect(await acceptInvitation(db, { token: await tokenOf(sent.mailId), userId: jan.id })).toEqual({ status: 'invalid' });
    expect(await db.select().from(t.dossierContacts).where(eq(t.dossierContacts.userId, jan.id))).toEqual([]);
  });

  it('deactivating a unit cancels its open invitations, refuses a later accept, and closes it to new students', async () => {
    const { db, org, centre, sent, token } = await setting();
    const schoolGrant = await unitGrantFor(db, centre, { kind: 'school', id: org.school.id }, 'units.manage');
    expect(await deactivateUnit(db, schoolGrant)).toMatchObject({ status: 'deactivated' });
    expect(await statusOf(sent.invitationId)).toBe('cancelled');
    const person = await makeUser(db, 'Laat Aanvaard');
    expect(await acceptInvitation(db, { token, userId: person.id })).toEqual({ status: 'invalid' });

    const { viewer: manager } = await makeStaff(db, { role: 'school_manager', schoolId: org.school.id });
    expect(await resolvePlacementGrant(db, manager, { schoolId: org.school.id })).toBeNull();
    // A pending invitation to a school deactivated without passing deactivateUnit is refused at acceptance too.
    const other = await setting();
    await db.update(t.departments).set({ active: false }).where(eq(t.departments.id, other.org.department.id));
    expect(await acceptInvitation(db, { token: other.token, userId: person.id })).toEqual({ status: 'invalid' });
    expect(await statusOf(other.sent.invitationId)).toBe('cancelled');
    const { viewer: departmentManager } = await makeStaff(db, { role: 'school_manager', schoolId: other.org.school.id });
    expect(await resolvePlacementGrant(db, departmentManager, { schoolId: other.org.school.id, departmentId: other.org.department.id })).toBeNull();
    expect(await resolvePlacementGrant(db, departmentManager, { schoolId: other.org.school.id })).not.toBeNull();
  });
});
