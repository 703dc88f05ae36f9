import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateUploads, type ValidFile } from '@/lib/attachments/validate-upload';
import type { DatabaseHandle } from '@/lib/db/client';
import * as t from '@/lib/db/schema';
import { resolveDossierGrant } from '@/lib/dossiers/dossier-grant';
import { getDossierContent } from '@/lib/dossiers/get-dossier-content';
import { createEntry } from '@/lib/entries/create-entry';
import { createRequest } from '@/lib/requests/create-request';
import { editDraft } from '@/lib/requests/edit-draft';
import { findDraft } from '@/lib/requests/find-draft';
import { removeDraftAttachment } from '@/lib/requests/remove-draft-attachment';
import { submitRequest } from '@/lib/requests/submit-request';
import { openTestDb } from '../support/db';
import { grantFor, makeContact, makeDossier, makeOrganisation, makeStaff } from '../support/fixtures';

/** 'Werkversie bewerken' and removing a draft's attachment (issue 12), on the real database. */
let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(async () => handle.close());

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
async function valid(name: string): Promise<ValidFile[]> {
  const check = await validateUploads([new File([Buffer.from(PDF)], name)]);
  if (!check.ok) throw new Error(check.problem);
  return check.files;
}

async function setting() {
  const { db } = handle;
  const org = await makeOrganisation(db);
  const { student, dossier } = await makeDossier(db, org, {});
  await db.update(t.students).set({ departmentId: org.department.id }).where(eq(t.students.id, student.id));
  const school = await makeStaff(db, { role: 'school_manager', schoolId: org.school.id }, 'Pieter Peeters');
  const grant = await grantFor(db, school.viewer, dossier.id, 'requests.submit');
  const draft = await createRequest(db, grant, { type: 'advice', description: 'Eerste vraag.', submit: false }, await valid('eerste.pdf'));
  const [file] = await db.select().from(t.attachments).where(eq(t.attachments.requestId, draft.requestId));
  return { org, student, dossier, school, grant, requestId: draft.requestId, attachmentId: file!.id };
}

const auditOf = async (targetId: string) =>
  (await handle.db.select({ action: t.auditEvents.action, actorId: t.auditEvents.actorId, details: t.auditEvents.details }).from(t.auditEvents).where(eq(t.auditEvents.targetId, targetId)));

describe('editDraft', () => {
  it("changes a draft's kind and question and adds attachments, still a 'Werkversie', audited", async () => {
    const { db } = handle;
    const s = await setting();
    const outcome = await editDraft(db, s.grant, s.requestId, { type: 'support_request', description: 'Bijgewerkte vraag.', submit: false }, await valid('tweede.pdf'));
    expect(outcome).toEqual({ status: 'saved' });

    const draft = await findDraft(db, s.grant, s.requestId);
    expect(draft).toMatchObject({ status: 'draft', type: 'support_request', description: 'Bijgewerkte vraag.' });
    expect(draft!.attachments.map((a) => a.fileName)).toEqual(['eerste.pdf', 'tweede.pdf']);
    const edited = (await auditOf(s.requestId)).filter((a) => a.action === 'request_edited');
    expect(edited).toEqual([{ action: 'request_edited', actorId: s.school.user.id, details: { changed: ['type', 'description'], attachments: 1 } }]);
    const added = await db.select().from(t.auditEvents).where(and(eq(t.auditEvents.dossierId, s.dossier.id), eq(t.auditEvents.action, 'attachment_added')));
    expect(added).toHaveLength(2);
    // The centre still sees nothing of it.
    const centre = await makeStaff(db, { role: 'centre_staff', centreId: s.org.centre.id });
    const content = await getDossierContent(db, await grantFor(db, centre.viewer, s.dossier.id, 'dossier.view'));
    expect(content.requests.find((r) => r.id === s.requestId)).toBeUndefined();
  });

  it('saves and submits in one go: the history goes draft → submitted', async () => {
    const { db } = handle;
    const s = await setting();
    expect(await editDraft(db, s.grant, s.requestId, { type: 'advice', description: 'Klaar om in te dienen.', submit: true })).toEqual({ status: 'submitted' });
    const content = await getDossierContent(db, await grantFor(db, s.school.viewer, s.dossier.id, 'dossier.view'));
    const request = content.requests.find((r) => r.id === s.requestId)!;
    expect(request).toMatchObject({ status: 'submitted', description: 'Klaar om in te dienen.' });
    expect(request.submittedAt).not.toBeNull();
    expect(request.history.map((h) => h.status)).toEqual(['draft', 'submitted']);
    expect((await auditOf(s.requestId)).map((a) => a.action)).toEqual(['request_created', 'request_updated', 'request_edited', 'request_submitted']);
  });

  it('refuses a submitted request and changes nothing (no text, no file, no audit event)', async () => {
    const { db } = handle;
    const s = await setting();
    expect(await submitRequest(db, s.grant, s.requestId)).toEqual({ status: 'submitted' });
    const before = await findDraft(db, s.grant, s.requestId);
    const auditBefore = await auditOf(s.requestId);
    expect(await editDraft(db, s.grant, s.requestId, { type: 'support_request', description: 'Te laat.', submit: false }, await valid('laat.pdf'))).toEqual({
      status: 'not_draft',
    });
    expect(await editDraft(db, s.grant, s.requestId, { type: 'advice', description: 'Nog eens indienen.', submit: true })).toEqual({ status: 'not_draft' });
    expect(await findDraft(db, s.grant, s.requestId)).toEqual(before);
    expect(await auditOf(s.requestId)).toEqual(auditBefore);
  });

  it("does not reach another dossier's draft, or a malformed id", async () => {
    const { db } = handle;
    const s = await setting();
    const other = await makeDossier(db, s.org);
    const otherGrant = await grantFor(db, s.school.viewer, other.dossier.id, 'requests.submit');
    const input = { type: 'advice' as const, description: 'Gekaapt.', submit: false };
    expect(await editDraft(db, otherGrant, s.requestId, input)).toEqual({ status: 'not_found' });
    expect(await editDraft(db, s.grant, 'not-a-uuid', input)).toEqual({ status: 'not_found' });
    expect(await removeDraftAttachment(db, otherGrant, s.requestId, s.attachmentId)).toEqual({ status: 'not_found' });
    expect(await findDraft(db, otherGrant, s.requestId)).toBeNull();
    expect((await findDraft(db, s.grant, s.requestId))!.description).toBe('Eerste vraag.');
  });
});

describe('removeDraftAttachment', () => {
  it("removes a draft's attachment (row and bytes), audited; a second time it is gone", async () => {
    const { db } = handle;
    const s = await setting();
    expect(await removeDraftAttachment(db, s.grant, s.requestId, s.attachmentId)).toEqual({ status: 'removed' });
    expect(await db.select().from(t.attachments).where(eq(t.attachments.id, s.attachmentId))).toEqual([]);
    expect(await db.select().from(t.attachmentBlobs).where(eq(t.attachmentBlobs.attachmentId, s.attachmentId))).toEqual([]);
    expect(await auditOf(s.attachmentId)).toEqual([
      { action: 'attachment_added', actorId: s.school.user.id, details: expect.anything() },
      { action: 'attachment_removed', actorId: s.school.user.id, details: { requestId: s.requestId, size: PDF.length, contentType: 'application/pdf' } },
    ]);
    expect(await removeDraftAttachment(db, s.grant, s.requestId, s.attachmentId)).toEqual({ status: 'not_found' });
    expect(await removeDraftAttachment(db, s.grant, s.requestId, 'not-a-uuid')).toEqual({ status: 'not_found' });
  });

  it("does not remove a file of another request or of a dossier entry through a draft's id", async () => {
    const { db } = handle;
    const s = await setting();
    const second = await createRequest(db, s.grant, { type: 'advice', description: 'Tweede werkversie.', submit: false }, await valid('ander.pdf'));
    const [otherFile] = await db.select().from(t.attachments).where(eq(t.attachments.requestId, second.requestId));
    const centre = await makeStaff(db, { role: 'centre_staff', centreId: s.org.centre.id });
    const entry = await createEntry(db, await grantFor(db, centre.viewer, s.dossier.id, 'entries.write'), {
      kind: 'note',
      title: 'Notitie',
      body: 'Tekst.',
      occurredOn: '2026-11-20',
      visibility: 'internal',
    }, await valid('notitie.pdf'));
    const [entryFile] = await db.select().from(t.attachments).where(eq(t.attachments.entryId, entry.id));
    expect(await removeDraftAttachment(db, s.grant, s.requestId, otherFile!.id)).toEqual({ status: 'not_found' });
    expect(await removeDraftAttachment(db, s.grant, s.requestId, entryFile!.id)).toEqual({ status: 'not_found' });
    expect(await db.select({ id: t.attachments.id }).from(t.attachments).where(eq(t.attachments.dossierId, s.dossier.id))).toHaveLength(3);
  });

  it('refuses to remove an attachment of a submitted request: the centre received it as it was', async () => {
    const { db } = handle;
    const s = await setting();
    await submitRequest(db, s.grant, s.requestId);
    expect(await removeDraftAttachment(db, s.grant, s.requestId, s.attachmentId)).toEqual({ status: 'not_draft' });
    expect(await db.select({ id: t.attachments.id }).from(t.attachments).where(eq(t.attachments.id, s.attachmentId))).toHaveLength(1);
    expect((await auditOf(s.attachmentId)).map((a) => a.action)).toEqual(['attachment_added']);
  });
});

describe('who may edit a draft or remove its files', () => {
  it("the student's school and department managers; not a parent, the centre or another school's manager", async () => {
    const { db } = handle;
    const s = await setting();
    const department = await makeStaff(db, { role: 'department_manager', departmentId: s.org.department.id });
    const deptGrant = await grantFor(db, department.viewer, s.dossier.id, 'requests.submit');
    expect(await editDraft(db, deptGrant, s.requestId, { type: 'advice', description: 'Door de afdeling.', submit: false })).toEqual({ status: 'saved' });

    const refused = [
      (await makeContact(db, s.dossier.id, 'parent')).viewer,
      (await makeStaff(db, { role: 'centre_staff', centreId: s.org.centre.id })).viewer,
      (await makeStaff(db, { role: 'school_manager', schoolId: s.org.otherSchool.id })).viewer,
      (await makeStaff(db, { role: 'department_manager', departmentId: s.org.otherDepartment.id })).viewer,
    ];
    // Without a 'requests.submit' grant on this dossier, editDraft and removeDraftAttachment cannot be called at all.
    for (const viewer of refused) expect(await resolveDossierGrant(db, viewer, s.dossier.id, 'requests.submit')).toBeNull();
    expect((await findDraft(db, s.grant, s.requestId))!.attachments).toHaveLength(1);
  });
});
