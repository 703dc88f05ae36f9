import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSession } from '@/lib/auth/find-session';
import { hashSessionToken } from '@/lib/auth/session-token';
import type { DatabaseHandle } from '@/lib/db/client';
import * as t from '@/lib/db/schema';
import { acceptInvitation } from '@/lib/invites/accept-invitation';
import { checkInvitation } from '@/lib/invites/check-invitation';
import { findInvitationByToken } from '@/lib/invites/find-invitation-by-token';
import { sendInvitation } from '@/lib/invites/send-invitation';
import { endMembership } from '@/lib/organisation/end-membership';
import { initCentre } from '@/lib/organisation/init-centre';
import { listUnitStaff } from '@/lib/organisation/list-unit-staff';
import { addUnit, deactivateUnit, renameUnit } from '@/lib/organisation/save-unit';
import { resolveUnitGrant } from '@/lib/organisation/unit-grant';
import { unseal } from '@/lib/mail/seal';
import { SEALED_KEY } from '@/lib/mail/templates';
import { databaseError, openTestDb } from '../support/db';
import { makeDossier, makeOrganisation, makeStaff, makeUser, unitGrantFor } from '../support/fixtures';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(async () => handle.close());

const tokenOf = (link: string) => link.split('/uitnodiging/')[1]!;

async function sessionFor(userId: string) {
  const token = `test-${randomUUID()}`;
  await handle.db.insert(t.sessions).values({ sessionToken: hashSessionToken(token), userId, expires: new Date(Date.now() + 3_600_000) });
  return (await findSession(handle.db, token))!;
}

describe('centre:init on an empty database', () => {
  it('creates the centre, invites its first centre staff through the outbox, refuses a second invitation, and the accepting itsme person becomes centre staff', async () => {
    const db = handle.db;
    const name = `Leersteuncentrum Start ${randomUUID().slice(0, 6)}`;
    const first = await initCentre(db, { name, email: 'Beheer@Example.be' });
    if (first.status !== 'invited') throw new Error(first.status);
    expect(first.centreCreated).toBe(true);
    // Nothing but the centre: no demo schools, students or staff.
    expect(await db.select().from(t.schools).where(eq(t.schools.centreId, first.centreId))).toHaveLength(0);
    const [inv] = await db.select().from(t.invitations).where(eq(t.invitations.centreId, first.centreId));
    expect(inv).toMatchObject({ staffRole: 'centre_staff', dossierId: null, role: null, invitedBy: null, status: 'pending', email: 'Beheer@example.be' });
    const [mail] = await db.select().from(t.mailOutbox).where(eq(t.mailOutbox.id, inv!.mailId!));
    expect(unseal((mail!.payload as Record<string, string>)[SEALED_KEY]!)).toBe(first.link);
    expect(mail!.payload).toMatchObject({ role: 'centre_staff', organisationName: name });

    // Run twice: nothing new, and it says why.
    const again = await initCentre(db, { name, email: 'beheer@example.be' });
    expect(again).toMatchObject({ status: 'open_invitation', centreId: first.centreId });
    expect(await db.select().from(t.invitations).where(eq(t.invitations.centreId, first.centreId))).toHaveLength(1);

    // --resend: a new link; the old one dies.
    const resent = await initCentre(db, { name, email: 'beheer@example.be', resend: true });
    if (resent.status !== 'invited') throw new Error(resent.status);
    expect(resent.resent).toBe(true);
    expect((await findInvitationByToken(db, tokenOf(first.link))).valid).toBe(false);
    const view = await findInvitationByToken(db, tokenOf(resent.link));
    expect(view).toMatchObject({ valid: true, role: 'centre_staff', organisationName: name, inviterName: null });

    const person = await makeUser(db, 'Nieuwe Beheerder');
    expect(await acceptInvitation(db, { token: tokenOf(resent.link), userId: person.id })).toEqual({ status: 'accepted', next: '/organisatie' });
    const viewer = await sessionFor(person.id);
    expect(viewer.memberships).toEqual([{ role: 'centre_staff', centreId: first.centreId, schoolId: null, departmentId: null }]);
    const events = await db.select().from(t.auditEvents).where(eq(t.auditEvents.targetId, inv!.id));
    expect(events.map((e) => e.action).sort()).toEqual(['invitation_accepted', 'invitation_resent', 'invitation_sent']);

    expect(await initCentre(db, { name, email: 'beheer@example.be', resend: true })).toMatchObject({ status: 'has_staff', count: 1 });
  });
});

describe('who may invite whom (the permission table, through the resolver)', () => {
  it('centre staff manage every unit of their centre; a school manager only the departments of their school; nobody else anything', async () => {
    const db = handle.db;
    const org = await makeOrganisation(db);
    const other = await makeOrganisation(db);
    const centre = (await makeStaff(db, { role: 'centre_staff', centreId: org.centre.id })).viewer;
    const schoolManager = (await makeStaff(db, { role: 'school_manager', schoolId: org.school.id })).viewer;
    const departmentManager = (await makeStaff(db, { role: 'department_manager', departmentId: org.department.id })).viewer;
    const parent = (await makeStaff(db, { role: 'centre_staff', centreId: other.centre.id })).viewer;
    const units = {
      centre: { kind: 'centre', id: org.centre.id },
      school: { kind: 'school', id: org.school.id },
      otherSchool: { kind: 'school', id: org.otherSchool.id },
      department: { kind: 'department', id: org.department.id },
      foreignDepartment: { kind: 'department', id: other.department.id },
    } as const;
    const may = async (viewer: typeof centre, unit: keyof typeof units, action: 'unit.view' | 'units.manage' | 'staff.manage') =>
      Boolean(await resolveUnitGrant(db, viewer, units[unit], action));
    for (const unit of ['centre', 'school', 'otherSchool', 'department'] as const) {
      for (const action of ['unit.view', 'units.manage', 'staff.manage'] as const) expect(await may(centre, unit, action), `${unit} ${action}`).toBe(true);
    }
    expect(await may(centre, 'foreignDepartment', 'staff.manage')).toBe(false);
    expect(await may(schoolManager, 'centre', 'unit.view')).toBe(false);
    expect(await may(schoolManager, 'school', 'staff.manage')).toBe(false);
    expect(await may(schoolManager, 'school', 'units.manage')).toBe(false);
    expect(await may(schoolManager, 'department', 'staff.manage')).toBe(true);
    expect(await may(schoolManager, 'department', 'units.manage')).toBe(false);
    expect(await may(schoolManager, 'otherSchool', 'unit.view')).toBe(false);
    expect(await may(schoolManager, 'foreignDepartment', 'staff.manage')).toBe(false);
    for (const unit of Object.keys(units) as (keyof typeof units)[]) {
      expect(await may(departmentManager, unit, 'staff.manage')).toBe(false);
      expect(await may(departmentManager, unit, 'unit.view')).toBe(false);
      expect(await may(parent, unit === 'foreignDepartment' ? 'centre' : unit, 'unit.view')).toBe(false);
    }
    expect(await resolveUnitGrant(db, centre, { kind: 'school', id: 'not-a-uuid' }, 'unit.view')).toBeNull();
    expect(await resolveUnitGrant(db, centre, { kind: 'school', id: org.department.id }, 'unit.view')).toBeNull();
  });
});

describe('staff invitations through the dossier-invitation machinery', () => {
  it("never takes a staff member's itsme e-mail (unverified) for access; the address their invitation went to does", async () => {
    const db = handle.db;
    const org = await makeOrganisation(db);
    const { viewer: centre } = await makeStaff(db, { role: 'centre_staff', centreId: org.centre.id });
    const grant = await unitGrantFor(db, centre, { kind: 'school', id: org.school.id }, 'staff.manage');
    // A school manager who typed someone else's address into itsme.
    const { user: manager } = await makeStaff(db, { role: 'school_manager', schoolId: org.school.id }, 'Directeur Oud');
    await db.update(t.users).set({ email: 'secretariaat@example.be' }).where(eq(t.users.id, manager.id));
    expect(await checkInvitation(db, grant, 'secretariaat@example.be', 'school_manager')).toMatchObject({ status: 'ok' });
    const sent = await sendInvitation(db, grant, { role: 'school_manager', email: 'Secretariaat@example.be' });
    expect(sent).toMatchObject({ status: 'sent', email: 'Secretariaat@example.be' });
    if (sent.status !== 'sent') throw new Error(sent.status);
    // Accepted: now the invitation's address has access to this school.
    const [mail] = await db.select().from(t.mailOutbox).where(eq(t.mailOutbox.id, sent.mailId));
    const link = unseal((mail!.payload as Record<string, string>)[SEALED_KEY]!);
    const person = await makeUser(db, 'Secretaris Nieuw');
    expect(await acceptInvitation(db, { token: tokenOf(link), userId: person.id })).toMatchObject({ status: 'accepted' });
    expect(await checkInvitation(db, grant, 'secretariaat@example.be', 'school_manager')).toMatchObject({ status: 'has_access', role: 'school_manager' });
  });

  it('a school manager invited by centre staff accepts and holds exactly that school; the audit uses the same events', async () => {
    const db = handle.db;
    const org = await makeOrganisation(db);
    const { viewer: centre } = await makeStaff(db, { role: 'centre_staff', centreId: org.centre.id });
    const grant = await unitGrantFor(db, centre, { kind: 'school', id: org.school.id }, 'staff.manage');
    // The unit's role only: a school takes no centre staff and no contacts.
    expect(await sendInvitation(db, grant, { role: 'centre_staff', email: 'x@example.be' })).toEqual({ status: 'invalid' });
    expect(await sendInvitation(db, grant, { role: 'parent', email: 'x@example.be' })).toEqual({ status: 'invalid' });
    const sent = await sendInvitation(db, grant, { role: 'school_manager', email: 'directie@example.be' });
    if (sent.status !== 'sent') throw new Error(sent.status);
    expect(await sendInvitation(db, grant, { role: 'school_manager', email: 'DIRECTIE@example.be' })).toEqual({ status: 'open_invitation', invitationId: sent.invitationId });
    const [mail] = await db.select().from(t.mailOutbox).where(eq(t.mailOutbox.id, sent.mailId));
    expect(mail!.payload).toMatchObject({ role: 'school_manager', unitName: 'School A' });
    const link = unseal((mail!.payload as Record<string, string>)[SEALED_KEY]!);

    const person = await makeUser(db, 'Directeur Nieuw');
    expect(await acceptInvitation(db, { token: tokenOf(link), userId: person.id })).toEqual({ status: 'accepted', next: '/aanvragen' });
    const viewer = await sessionFor(person.id);
    expect(viewer.memberships).toEqual([{ role: 'school_manager', centreId: null, schoolId: org.school.id, departmentId: null }]);
    const [membership] = await db.select().from(t.staffMemberships).where(eq(t.staffMemberships.userId, person.id));
    expect(membership).toMatchObject({ invitedBy: centre.user.id, invitationId: sent.invitationId });
    const actions = (await db.select().from(t.auditEvents).where(eq(t.auditEvents.targetId, sent.invitationId))).map((e) => e.action);
    expect(actions.sort()).toEqual(['invitation_accepted', 'invitation_sent']);
    // Now on the school's page, and the address counts as having access.
    const staff = await listUnitStaff(db, await unitGrantFor(db, centre, { kind: 'school', id: org.school.id }, 'unit.view'));
    expect(staff.active.map((s) => [s.name, s.role, s.invitedBy])).toEqual([['Directeur Nieuw', 'school_manager', 'Sofie Janssens']]);
  });

  it('an invitation has one target: the database refuses a row that names both or neither', async () => {
    const db = handle.db;
    const org = await makeOrganisation(db);
    const { dossier } = await makeDossier(db, org);
    const inviter = await makeUser(db);
    const base = { email: 'a@example.be', emailKey: 'a@example.be', invitedBy: inviter.id, expiresAt: new Date(Date.now() + 1e6) };
    const both = db.insert(t.invitations).values({ ...base, tokenHash: randomUUID(), dossierId: dossier.id, role: 'parent', staffRole: 'centre_staff', centreId: org.centre.id });
    expect(await databaseError(both)).toContain('invitations_one_target');
    const neither = db.insert(t.invitations).values({ ...base, tokenHash: randomUUID() });
    expect(await databaseError(neither)).toContain('invitations_one_target');
    const wrongUnit = db.insert(t.invitations).values({ ...base, tokenHash: randomUUID(), staffRole: 'school_manager', centreId: org.centre.id });
    expect(await databaseError(wrongUnit)).toContain('invitations_one_target');
  });
});

describe('schools and departments', () => {
  it('adds, refuses empty and duplicate names (letter case aside), renames, deactivates without deleting', async () => {
    const db = handle.db;
    const org = await makeOrganisation(db);
    const { viewer } = await makeStaff(db, { role: 'centre_staff', centreId: org.centre.id });
    const centreGrant = await unitGrantFor(db, viewer, { kind: 'centre', id: org.centre.id }, 'units.manage');
    expect(await addUnit(db, centreGrant, '   ')).toEqual({ status: 'invalid', problem: 'empty' });
    expect(await addUnit(db, centreGrant, 'school a')).toEqual({ status: 'invalid', problem: 'duplicate' });
    const added = await addUnit(db, centreGrant, '  Sint-Jan   Berchmans ');
    expect(added).toMatchObject({ status: 'saved', name: 'Sint-Jan Berchmans' });
    const schoolGrant = await unitGrantFor(db, viewer, { kind: 'school', id: org.school.id }, 'units.manage');
    expect(await renameUnit(db, schoolGrant, 'SCHOOL B')).toEqual({ status: 'invalid', problem: 'duplicate' });
    expect(await renameUnit(db, schoolGrant, 'School A-Centrum')).toMatchObject({ status: 'saved' });
    const deptGrant = await unitGrantFor(db, viewer, { kind: 'school', id: org.school.id }, 'units.manage');
    expect(await addUnit(db, deptGrant, 'afdeling a1')).toEqual({ status: 'invalid', problem: 'duplicate' });
    const departmentGrant = await unitGrantFor(db, viewer, { kind: 'department', id: org.department.id }, 'units.manage');
    expect(await deactivateUnit(db, departmentGrant)).toEqual({ status: 'deactivated', name: 'Afdeling A1' });
    const [row] = await db.select().from(t.departments).where(eq(t.departments.id, org.department.id));
    expect(row!.active).toBe(false);
    // A deactivated unit takes no new staff invitations.
    const inactive = await unitGrantFor(db, viewer, { kind: 'department', id: org.department.id }, 'staff.manage');
    expect(await sendInvitation(db, inactive, { role: 'department_manager', email: 'x@example.be' })).toEqual({ status: 'invalid' });
  });
});

describe("'Toegang intrekken' on a membership", () => {
  it('ends it on the next read of the session, keeps who and when, and never ends the last centre staff', async () => {
    const db = handle.db;
    const org = await makeOrganisation(db);
    const { viewer: admin, user: adminUser } = await makeStaff(db, { role: 'centre_staff', centreId: org.centre.id });
    const centreGrant = await unitGrantFor(db, admin, { kind: 'centre', id: org.centre.id }, 'staff.manage');
    const [own] = await db.select().from(t.staffMemberships).where(eq(t.staffMemberships.userId, adminUser.id));
    expect(await endMembership(db, centreGrant, { membershipId: own!.id })).toEqual({ status: 'last_centre_staff' });

    const { viewer: manager, user: managerUser } = await makeStaff(db, { role: 'school_manager', schoolId: org.school.id }, 'Jan Peeters');
    const [membership] = await db.select().from(t.staffMemberships).where(eq(t.staffMemberships.userId, managerUser.id));
    // Not a membership of this unit: not found.
    expect(await endMembership(db, centreGrant, { membershipId: membership!.id })).toEqual({ status: 'not_found' });
    const schoolGrant = await unitGrantFor(db, admin, { kind: 'school', id: org.school.id }, 'staff.manage');
    expect(await endMembership(db, schoolGrant, { membershipId: membership!.id })).toMatchObject({ status: 'ended', name: 'Jan Peeters' });
    expect((await findSession(db, manager.sessionToken))!.memberships).toEqual([]);
    const [ended] = await db.select().from(t.staffMemberships).where(eq(t.staffMemberships.id, membership!.id));
    expect(ended).toMatchObject({ active: false, endedBy: adminUser.id });
    expect(ended!.endedAt).toBeInstanceOf(Date);
    const audit = await db
      .select()
      .from(t.auditEvents)
      .where(and(eq(t.auditEvents.action, 'membership_ended'), eq(t.auditEvents.targetId, membership!.id)));
    expect(audit).toHaveLength(1);
    const staff = await listUnitStaff(db, await unitGrantFor(db, admin, { kind: 'school', id: org.school.id }, 'unit.view'));
    expect(staff.ended.map((s) => [s.name, s.endedBy])).toEqual([['Jan Peeters', 'Sofie Janssens']]);

    // With a second centre staff member, one may leave.
    const { user: second } = await makeStaff(db, { role: 'centre_staff', centreId: org.centre.id }, 'Tweede Medewerker');
    const [secondMembership] = await db.select().from(t.staffMemberships).where(eq(t.staffMemberships.userId, second.id));
    expect(await endMembership(db, centreGrant, { membershipId: secondMembership!.id })).toMatchObject({ status: 'ended' });
    expect(await endMembership(db, centreGrant, { membershipId: own!.id })).toEqual({ status: 'last_centre_staff' });
  });
});
