import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAttachment } from '@/lib/attachments/read-attachment';
import { validateUploads, type ValidFile } from '@/lib/attachments/validate-upload';
import { PERMISSIONS, VISIBILITY } from '@/lib/auth/permissions';
import { CONTACT_ROLES, ENTRY_VISIBILITIES, REQUEST_STATUSES, STAFF_ROLES, type ContactRole, type StaffRole } from '@/lib/codes';
import type { DatabaseHandle } from '@/lib/db/client';
import * as t from '@/lib/db/schema';
import { resolveDossierGrant } from '@/lib/dossiers/dossier-grant';
import { getDossierContent } from '@/lib/dossiers/get-dossier-content';
import { createEntry } from '@/lib/entries/create-entry';
import { editEntry } from '@/lib/entries/edit-entry';
import { storeFor } from '@/lib/attachments/store';
import { limitWork } from '@/lib/rate-limit/limits';
import { listEntryVersions, VERSIONS_SHOWN } from '@/lib/entries/list-entry-versions';
import { completeRequest } from '@/lib/requests/complete-request';
import { createRequest } from '@/lib/requests/create-request';
import { createStudentWithRequest } from '@/lib/requests/create-student-with-request';
import { findDuplicateStudent } from '@/lib/requests/find-duplicate-student';
import { listAssigneesInScope } from '@/lib/requests/list-assignees-in-scope';
import { listCentreStaff } from '@/lib/requests/list-centre-staff';
import { listRequests } from '@/lib/requests/list-requests';
import { resolvePlacementGrant } from '@/lib/requests/placement-grant';
import { listPlacementsInScope, searchStudentsInScope } from '@/lib/requests/search-students-in-scope';
import { submitRequest } from '@/lib/requests/submit-request';
import { takeUpRequest } from '@/lib/requests/take-up-request';
import { openTestDb } from '../support/db';
import { grantFor, makeContact, makeDossier, makeOrganisation, makeStaff } from '../support/fixtures';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(async () => handle.close());

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const file = (bytes: Uint8Array, name: string) => new File([Buffer.from(bytes)], name);
async function valid(bytes: Uint8Array, name: string): Promise<ValidFile[]> {
  const check = await validateUploads([file(bytes, name)]);
  if (!check.ok) throw new Error(check.problem);
  return check.files;
}

async function setting() {
  const { db } = handle;
  const org = await makeOrganisation(db);
  const { student, dossier } = await makeDossier(db, org);
  const centre = await makeStaff(db, { role: 'centre_staff', centreId: org.centre.id }, 'Sofie Janssens');
  const school = await makeStaff(db, { role: 'school_manager', schoolId: org.school.id }, 'Pieter Peeters');
  return { org, student, dossier, centre, school };
}

const entry = (visibility: 'shared' | 'internal', title = `Verslag ${visibility}`) => ({
  kind: 'report' as const,
  title,
  body: 'Tekst van het verslag.',
  occurredOn: '2026-11-20',
  visibility,
});

describe('the visibility rule (role × entry visibility × request status)', () => {
  it('is the table of DOMAIN.md: contacts see shared entries and submitted requests only, the centre never a draft', async () => {
    const { db } = handle;
    const s = await setting();
    const base = { dossierId: s.dossier.id, studentId: s.student.id, centreId: s.org.centre.id, schoolId: s.org.school.id, type: 'advice' as const };
    await db.insert(t.requests).values(REQUEST_STATUSES.map((status) => ({ ...base, status, description: `vraag ${status}` })));
    const write = await grantFor(db, s.centre.viewer, s.dossier.id, 'entries.write');
    for (const v of ENTRY_VISIBILITIES) await createEntry(db, write, entry(v));

    const viewers: { role: StaffRole | ContactRole; viewer: Parameters<typeof grantFor>[1] }[] = [
      { role: 'centre_staff', viewer: s.centre.viewer },
      { role: 'school_manager', viewer: s.school.viewer },
      { role: 'department_manager', viewer: (await makeStaff(db, { role: 'department_manager', departmentId: s.org.department.id })).viewer },
    ];
    // makeDossier placed the student without a department: give this one a department so the department manager covers it.
    await db.update(t.students).set({ departmentId: s.org.department.id }).where(eq(t.students.id, s.student.id));
    for (const role of CONTACT_ROLES) viewers.push({ role, viewer: (await makeContact(db, s.dossier.id, role)).viewer });

    const expected: Record<string, { entries: string[]; requests: string[] }> = {
      centre_staff: { entries: ['internal', 'shared'], requests: ['completed', 'in_progress', 'submitted'] },
      school_manager: { entries: ['internal', 'shared'], requests: ['completed', 'draft', 'in_progress', 'submitted'] },
      department_manager: { entries: ['internal', 'shared'], requests: ['completed', 'draft', 'in_progress', 'submitted'] },
      parent: { entries: ['shared'], requests: ['completed', 'in_progress', 'submitted'] },
      teacher: { entries: ['shared'], requests: ['completed', 'in_progress', 'submitted'] },
      clb: { entries: ['shared'], requests: ['completed', 'in_progress', 'submitted'] },
      care_provider: { entries: ['shared'], requests: ['completed', 'in_progress', 'submitted'] },
    };
    for (const { role, viewer } of viewers) {
      const grant = await grantFor(db, viewer, s.dossier.id, 'dossier.view');
      expect(grant.access.role, role).toBe(role);
      const content = await getDossierContent(db, grant);
      expect(content.entries.map((e) => e.visibility).sort(), `${role} · entries`).toEqual(expected[role]!.entries);
      expect(content.requests.map((r) => r.status).sort(), `${role} · requests`).toEqual(expected[role]!.requests);
      expect(VISIBILITY[role].entries.length, role).toBe(expected[role]!.entries.length);
    }
  });

  it('gives entries.write and requests.work to centre staff only, requests.submit to school and department managers only', () => {
    for (const role of [...STAFF_ROLES, ...CONTACT_ROLES]) {
      expect(PERMISSIONS[role]['entries.write'], role).toBe(role === 'centre_staff');
      expect(PERMISSIONS[role]['requests.work'], role).toBe(role === 'centre_staff');
      expect(PERMISSIONS[role]['requests.submit'], role).toBe(role === 'school_manager' || role === 'department_manager');
    }
  });

  it('refuses the write grants to the roles without them', async () => {
    const { db } = handle;
    const s = await setting();
    const parent = await makeContact(db, s.dossier.id, 'parent');
    expect(await resolveDossierGrant(db, s.school.viewer, s.dossier.id, 'entries.write')).toBeNull();
    expect(await resolveDossierGrant(db, s.school.viewer, s.dossier.id, 'requests.work')).toBeNull();
    expect(await resolveDossierGrant(db, s.centre.viewer, s.dossier.id, 'requests.submit')).toBeNull();
    expect(await resolveDossierGrant(db, parent.viewer, s.dossier.id, 'entries.write')).toBeNull();
    expect(await resolveDossierGrant(db, parent.viewer, s.dossier.id, 'requests.submit')).toBeNull();
  });
});

describe('createEntry and editEntry', () => {
  it('creates an entry with its attachments and audit event, and an edit keeps the earlier version', async () => {
    const { db } = handle;
    const s = await setting();
    const grant = await grantFor(db, s.centre.viewer, s.dossier.id, 'entries.write');
    const created = await createEntry(db, grant, entry('internal', 'Eerste titel'), await valid(PDF, 'verslag.pdf'));
    const other = await makeStaff(db, { role: 'centre_staff', centreId: s.org.centre.id }, 'Stien Tweede');
    const otherGrant = await grantFor(db, other.viewer, s.dossier.id, 'entries.write');
    expect(await editEntry(db, otherGrant, created.id, 1, entry('shared', 'Tweede titel'))).toMatchObject({ status: 'edited', version: 2 });
    expect(await editEntry(db, otherGrant, created.id, 1, entry('shared', 'Verloren'))).toEqual({ status: 'stale' });

    const versions = await listEntryVersions(db, otherGrant, created.id);
    expect(versions).toEqual([
      expect.objectContaining({ version: 1, title: 'Eerste titel', visibility: 'internal', writtenBy: s.centre.user.id, replacedByName: 'Stien Tweede' }),
    ]);
    const content = await getDossierContent(db, await grantFor(db, s.centre.viewer, s.dossier.id, 'dossier.view'));
    expect(content.entries[0]).toMatchObject({ title: 'Tweede titel', version: 2, editorName: 'Stien Tweede', visibility: 'shared' });
    expect(content.entries[0]!.attachments).toEqual([expect.objectContaining({ fileName: 'verslag.pdf', size: PDF.length })]);
    const audit = await db.select({ action: t.auditEvents.action }).from(t.auditEvents).where(eq(t.auditEvents.dossierId, s.dossier.id));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['entry_created', 'attachment_added', 'entry_edited']));
  });

  it('does not edit an entry of another dossier', async () => {
    const { db } = handle;
    const s = await setting();
    const other = await makeDossier(db, s.org);
    const created = await createEntry(db, await grantFor(db, s.centre.viewer, other.dossier.id, 'entries.write'), entry('internal'));
    const grant = await grantFor(db, s.centre.viewer, s.dossier.id, 'entries.write');
    expect(await editEntry(db, grant, created.id, 1, entry('shared'))).toEqual({ status: 'not_found' });
    expect(await listEntryVersions(db, grant, created.id)).toEqual([]);
  });
});

describe('request transitions', () => {
  it('goes draft → submitted → in progress (with a begeleider) → completed, each step in the history and the audit log', async () => {
    const { db } = handle;
    const s = await setting();
    const submitGrant = await grantFor(db, s.school.viewer, s.dossier.id, 'requests.submit');
    const { requestId } = await createRequest(db, submitGrant, { type: 'support_request', description: 'Leest traag.', submit: false });
    const work = await grantFor(db, s.centre.viewer, s.dossier.id, 'requests.work');
    expect(await takeUpRequest(db, work, requestId, s.centre.user.id)).toEqual({ status: 'wrong_status' });
    expect(await submitRequest(db, submitGrant, requestId)).toEqual({ status: 'submitted' });
    expect(await submitRequest(db, submitGrant, requestId)).toEqual({ status: 'wrong_status' });
    expect(await completeRequest(db, work, requestId, 'te vroeg')).toEqual({ status: 'wrong_status' });
    expect(await takeUpRequest(db, work, requestId, s.school.user.id)).toEqual({ status: 'bad_assignee' });
    expect(await takeUpRequest(db, work, requestId, s.centre.user.id)).toEqual({ status: 'taken_up' });
    expect(await completeRequest(db, work, requestId, 'Ondersteuning toegekend.')).toEqual({ status: 'completed' });

    const content = await getDossierContent(db, await grantFor(db, s.school.viewer, s.dossier.id, 'dossier.view'));
    const request = content.requests.find((r) => r.id === requestId)!;
    expect(request).toMatchObject({ status: 'completed', assigneeName: 'Sofie Janssens', closingNote: 'Ondersteuning toegekend.' });
    expect(request.history.map((h) => h.status)).toEqual(['draft', 'submitted', 'in_progress', 'completed']);
    expect(request.history.at(-1)).toMatchObject({ note: 'Ondersteuning toegekend.', actorName: 'Sofie Janssens' });
    const audit = await db.select({ action: t.auditEvents.action }).from(t.auditEvents).where(eq(t.auditEvents.targetId, requestId));
    expect(audit.map((a) => a.action)).toEqual(['request_created', 'request_updated', 'request_submitted', 'request_taken_up', 'request_completed']);
  });

  it('does not move a request of another dossier, and lists the centre staff as begeleiders', async () => {
    const { db } = handle;
    const s = await setting();
    const other = await makeDossier(db, s.org);
    const { requestId } = await createRequest(db, await grantFor(db, s.school.viewer, other.dossier.id, 'requests.submit'), {
      type: 'advice',
      description: 'x',
      submit: true,
    });
    const work = await grantFor(db, s.centre.viewer, s.dossier.id, 'requests.work');
    expect(await takeUpRequest(db, work, requestId, s.centre.user.id)).toEqual({ status: 'not_found' });
    expect(await completeRequest(db, work, requestId, 'x')).toEqual({ status: 'not_found' });
    expect(await listCentreStaff(db, work)).toEqual([{ id: s.centre.user.id, name: 'Sofie Janssens' }]);
  });

  it("'Beheer aanvragen' hides drafts from the centre, shows them to the school, and filters on begeleider", async () => {
    const { db } = handle;
    const s = await setting();
    const submitGrant = await grantFor(db, s.school.viewer, s.dossier.id, 'requests.submit');
    const draft = await createRequest(db, submitGrant, { type: 'advice', description: 'werkversie', submit: false });
    const sent = await createRequest(db, submitGrant, { type: 'advice', description: 'ingediend', submit: true });
    await takeUpRequest(db, await grantFor(db, s.centre.viewer, s.dossier.id, 'requests.work'), sent.requestId, s.centre.user.id);
    const centreIds = (await listRequests(db, s.centre.viewer, {})).rows.map((r) => r.id);
    expect(centreIds).toEqual([sent.requestId]);
    const schoolIds = (await listRequests(db, s.school.viewer, {})).rows.map((r) => r.id).sort();
    expect(schoolIds).toEqual([draft.requestId, sent.requestId].sort());
    const filtered = await listRequests(db, s.school.viewer, { assigneeId: s.centre.user.id });
    expect(filtered.rows).toEqual([expect.objectContaining({ id: sent.requestId, assigneeName: 'Sofie Janssens', status: 'in_progress' })]);
    expect(await listAssigneesInScope(db, s.school.viewer.memberships)).toEqual([{ id: s.centre.user.id, name: 'Sofie Janssens' }]);
  });
});

describe('a new request for a new student', () => {
  it('creates the student, the dossier and the request in one go, only where the manager may', async () => {
    const { db } = handle;
    const s = await setting();
    const dept = await makeStaff(db, { role: 'department_manager', departmentId: s.org.department.id });
    expect(await resolvePlacementGrant(db, s.centre.viewer, { schoolId: s.org.school.id })).toBeNull();
    expect(await resolvePlacementGrant(db, s.school.viewer, { schoolId: s.org.otherSchool.id })).toBeNull();
    expect(await resolvePlacementGrant(db, s.school.viewer, { schoolId: s.org.school.id, departmentId: 'not-a-uuid' })).toBeNull();
    expect(await resolvePlacementGrant(db, dept.viewer, { schoolId: s.org.school.id })).toBeNull();
    expect(await resolvePlacementGrant(db, dept.viewer, { schoolId: s.org.school.id, departmentId: s.org.otherDepartment.id })).toBeNull();
    expect(await resolvePlacementGrant(db, dept.viewer, { schoolId: s.org.otherSchool.id, departmentId: s.org.department.id })).toBeNull();
    const grant = await resolvePlacementGrant(db, dept.viewer, { schoolId: s.org.school.id, departmentId: s.org.department.id });
    expect(grant).not.toBeNull();

    const student = { givenName: 'Mila', familyName: 'Nieuwkomer', birthDate: '2016-03-14', className: 'L4' };
    expect(await findDuplicateStudent(db, grant!, dept.viewer.memberships, student)).toBeNull();
    const created = await createStudentWithRequest(db, grant!, student, { type: 'support_request', description: 'Vraag', submit: true }, await valid(PNG, 'tekening.png'));
    const [row] = await db.select().from(t.students).where(eq(t.students.id, created.studentId));
    expect(row).toMatchObject({ birthDate: '2016-03-14', birthYear: 2016, departmentId: s.org.department.id, centreId: s.org.centre.id });
    const view = await grantFor(db, s.centre.viewer, created.dossierId, 'dossier.view');
    const content = await getDossierContent(db, view);
    expect(content.requests).toEqual([expect.objectContaining({ id: created.requestId, status: 'submitted' })]);
    expect(content.requests[0]!.attachments).toEqual([expect.objectContaining({ fileName: 'tekening.png' })]);

    expect(await findDuplicateStudent(db, grant!, dept.viewer.memberships, { ...student, givenName: 'MILA' })).toMatchObject({
      studentId: created.studentId,
      dossierId: created.dossierId,
    });
    const otherSchoolManager = await makeStaff(db, { role: 'school_manager', schoolId: s.org.otherSchool.id });
    const elsewhere = await resolvePlacementGrant(db, otherSchoolManager.viewer, { schoolId: s.org.otherSchool.id });
    // Issue 22, point 8: another school's manager learns nothing of a child outside their school;
    // the new dossier's logbook tells the centre instead.
    expect(await findDuplicateStudent(db, elsewhere!, otherSchoolManager.viewer.memberships, student)).toBeNull();
    const twin = await createStudentWithRequest(db, elsewhere!, student, { type: 'advice', description: 'Vraag', submit: true });
    const [suspected] = await db.select().from(t.auditEvents).where(and(eq(t.auditEvents.action, 'duplicate_student_suspected'), eq(t.auditEvents.dossierId, twin.dossierId)));
    expect(suspected!.details).toEqual({ otherDossierIds: [created.dossierId] });

    expect((await searchStudentsInScope(db, dept.viewer.memberships, 'nieuwk')).map((r) => r.id)).toEqual([created.studentId]);
    expect((await searchStudentsInScope(db, otherSchoolManager.viewer.memberships, 'nieuwk')).map((r) => r.id)).toEqual([twin.studentId]);
    expect(await searchStudentsInScope(db, s.centre.viewer.memberships, 'nieuwk')).toHaveLength(0);
    expect(await listPlacementsInScope(db, dept.viewer.memberships)).toEqual([
      { id: s.org.school.id, name: 'School A', wholeSchool: false, departments: [{ id: s.org.department.id, name: 'Afdeling A1' }] },
    ]);
  });
});

describe('attachments', () => {
  it('refuses empty, oversize, wrongly typed and path-named files, all or nothing', async () => {
    const exe = Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03]);
    expect(await validateUploads([file(exe, 'verslag.pdf')])).toMatchObject({ ok: false, problem: 'badType' });
    expect(await validateUploads([file(PNG, 'verslag.pdf')])).toMatchObject({ ok: false, problem: 'typeMismatch' });
    expect(await validateUploads([file(new Uint8Array(), 'leeg.pdf')])).toMatchObject({ ok: false, problem: 'empty' });
    expect(await validateUploads([file(PDF, 'groot.pdf')], 10)).toMatchObject({ ok: false, problem: 'tooLarge' });
    expect(await validateUploads([file(PDF, '../../etc/passwd.pdf')])).toMatchObject({ ok: false, problem: 'badName' });
    expect(await validateUploads([file(PDF, 'map\\verslag.pdf')])).toMatchObject({ ok: false, problem: 'badName' });
    expect(await validateUploads([file(PDF, 'goed.pdf'), file(exe, 'slecht.pdf')])).toMatchObject({ ok: false, fileName: 'slecht.pdf' });
    expect(await validateUploads(Array.from({ length: 6 }, (_, i) => file(PDF, `v${i}.pdf`)))).toMatchObject({ ok: false, problem: 'tooMany' });
    expect(await validateUploads([new File([], '')])).toEqual({ ok: true, files: [] });
    const ok = await validateUploads([file(PDF, 'Verslag é.PDF')]);
    expect(ok).toMatchObject({ ok: true, files: [{ contentType: 'application/pdf', size: PDF.length }] });
  });

  it('stores nothing when the entry fails, and serves a file only to who may see its entry, audited', async () => {
    const { db } = handle;
    const s = await setting();
    const write = await grantFor(db, s.centre.viewer, s.dossier.id, 'entries.write');
    const before = (await db.select().from(t.attachments)).length;
    await expect(createEntry(db, write, { ...entry('shared'), occurredOn: 'geen datum' }, await valid(PDF, 'a.pdf'))).rejects.toThrow();
    expect((await db.select().from(t.attachments)).length).toBe(before);

    const shared = await createEntry(db, write, entry('shared'), await valid(PDF, 'gedeeld.pdf'));
    const internal = await createEntry(db, write, entry('internal'), await valid(PDF, 'intern.pdf'));
    const idOf = async (entryId: string) => (await db.select().from(t.attachments).where(eq(t.attachments.entryId, entryId)))[0]!.id;
    const sharedFile = await idOf(shared.id);
    const internalFile = await idOf(internal.id);
    const parent = await makeContact(db, s.dossier.id, 'parent');
    const parentView = await grantFor(db, parent.viewer, s.dossier.id, 'dossier.view');
    const download = await readAttachment(db, parentView, sharedFile);
    expect(download).toMatchObject({ fileName: 'gedeeld.pdf', contentType: 'application/pdf' });
    if (download?.status !== 'ok') throw new Error('no download');
    expect(download.size).toBe(PDF.length);
    expect(Buffer.from(await new Response(download.stream).arrayBuffer()).equals(Buffer.from(PDF))).toBe(true);
    expect(await readAttachment(db, parentView, internalFile)).toBeNull();
    expect(await readAttachment(db, parentView, 'not-a-uuid')).toBeNull();
    const other = await makeDossier(db, s.org);
    const otherView = await grantFor(db, s.centre.viewer, other.dossier.id, 'dossier.view');
    expect(await readAttachment(db, otherView, sharedFile)).toBeNull();
    expect(await readAttachment(db, await grantFor(db, s.centre.viewer, s.dossier.id, 'dossier.view'), internalFile)).not.toBeNull();
    const downloads = await db.select().from(t.auditEvents).where(eq(t.auditEvents.action, 'attachment_downloaded'));
    expect(downloads.filter((d) => d.targetId === sharedFile).map((d) => d.actorId)).toEqual([parent.user.id]);
  });
});

describe('contacts hear of shared content', () => {
  it('queues one mail per active contact per day, none for internal entries, none without student data', async () => {
    const { db } = handle;
    const s = await setting();
    const a = await makeContact(db, s.dossier.id, 'parent', 'ouder@voorbeeld.be');
    await makeContact(db, s.dossier.id, 'teacher', 'leerkracht@voorbeeld.be');
    const revoked = await makeContact(db, s.dossier.id, 'clb', 'clb@voorbeeld.be');
    await db.update(t.dossierContacts).set({ revokedAt: new Date() }).where(eq(t.dossierContacts.id, revoked.contact.id));
    const write = await grantFor(db, s.centre.viewer, s.dossier.id, 'entries.write');
    expect((await createEntry(db, write, entry('internal'))).mails).toBe(0);
    const first = await createEntry(db, write, entry('shared'));
    expect(first.mails).toBe(2);
    expect((await createEntry(db, write, entry('shared'))).mails).toBe(0);
    const internal = await createEntry(db, write, entry('internal'));
    expect(await editEntry(db, write, internal.id, 1, entry('shared'))).toMatchObject({ mails: 0 });
    const mails = await db.select().from(t.mailOutbox).where(eq(t.mailOutbox.template, 'dossier_update'));
    const mine = mails.filter((m) => ['ouder@voorbeeld.be', 'leerkracht@voorbeeld.be', 'clb@voorbeeld.be'].includes(m.toAddress));
    expect(mine.map((m) => m.toAddress).sort()).toEqual(['leerkracht@voorbeeld.be', 'ouder@voorbeeld.be']);
    expect(JSON.stringify(mine.map((m) => m.payload))).not.toContain(s.student.familyName);
    const notices = await db.select().from(t.contactNotices).where(eq(t.contactNotices.contactId, a.contact.id));
    expect(notices).toHaveLength(1);
  });
});

describe('bounded reads, streamed and limited downloads (issue 22, point 12)', () => {
  it('reads at most VERSIONS_SHOWN earlier versions of an entry, the newest', async () => {
    const { db } = handle;
    const s = await setting();
    const grant = await grantFor(db, s.centre.viewer, s.dossier.id, 'entries.write');
    const created = await createEntry(db, grant, entry('internal', 'Versie 1'));
    for (let v = 1; v <= 15; v++) expect(await editEntry(db, grant, created.id, v, entry('internal', `Versie ${v + 1}`))).toMatchObject({ status: 'edited' });
    const versions = await listEntryVersions(db, grant);
    expect(versions.map((v) => v.version)).toEqual([15, 14, 13, 12, 11, 10, 9, 8, 7, 6]);
    expect(VERSIONS_SHOWN).toBe(10);
  });

  it('streams a download in chunks, and refuses downloads over RATE_DOWNLOADS_PER_WINDOW (no audit event then)', async () => {
    const { db } = handle;
    const s = await setting();
    const write = await grantFor(db, s.centre.viewer, s.dossier.id, 'entries.write');
    const big = new Uint8Array(2_500_000 + 17);
    big.set(PDF);
    for (let i = PDF.length; i < big.length; i++) big[i] = i % 251;
    const shared = await createEntry(db, write, entry('shared'), await valid(big, 'groot.pdf'));
    const [file] = await db.select().from(t.attachments).where(eq(t.attachments.entryId, shared.id));
    const chunks: number[] = [];
    const stream = await storeFor('database').stream(db, file!.id, 1024 * 1024);
    const reader = stream!.getReader();
    const parts: Uint8Array[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      chunks.push(r.value.length);
      parts.push(r.value);
    }
    expect(chunks).toEqual([1024 * 1024, 1024 * 1024, big.length - 2 * 1024 * 1024]);
    expect(Buffer.concat(parts).equals(Buffer.from(big))).toBe(true);

    const parent = await makeContact(db, s.dossier.id, 'parent');
    const view = await grantFor(db, parent.viewer, s.dossier.id, 'dossier.view');
    expect(await readAttachment(db, view, file!.id)).toMatchObject({ status: 'ok', size: big.length });
    const { env } = await import('@/lib/config/env');
    await limitWork(db, 'download', parent.user.id, env().RATE_DOWNLOADS_PER_WINDOW - 1);
    expect(await readAttachment(db, view, file!.id)).toMatchObject({ status: 'rate_limited' });
    const downloads = await db.select().from(t.auditEvents).where(and(eq(t.auditEvents.action, 'attachment_downloaded'), eq(t.auditEvents.actorId, parent.user.id)));
    expect(downloads).toHaveLength(1);
  });
});

