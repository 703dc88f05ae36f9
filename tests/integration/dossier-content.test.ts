import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/lib/db/client';
import * as t from '@/lib/db/schema';
import { getDossierContent } from '@/lib/dossiers/get-dossier-content';
import { openTestDb } from '../support/db';
import { grantFor, makeContact, makeDossier, makeOrganisation, makeStaff } from '../support/fixtures';
import { listVisibleAttachments } from '@/lib/attachments/visible-attachments';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(async () => handle.close());

/** A school manager's view grant on the dossier (staff who see drafts too), through the product's resolver. */
async function held(org: { school: { id: string } }, dossierId: string) {
  const { viewer } = await makeStaff(handle.db, { role: 'school_manager', schoolId: org.school.id });
  return grantFor(handle.db, viewer, dossierId, 'dossier.view');
}

describe('getDossierContent', () => {
  it('gives the requests and entries of one dossier, newest first, with real dates', async () => {
    const { db } = handle;
    const org = await makeOrganisation(db);
    const { student, dossier } = await makeDossier(db, org);
    const other = await makeDossier(db, org);
    const base = { studentId: student.id, centreId: org.centre.id, schoolId: org.school.id, dossierId: dossier.id };
    await db.insert(t.requests).values([
      { ...base, type: 'support_request', status: 'submitted', description: 'Eerste "aanvraag" met \\ en é', createdAt: new Date('2026-09-01T08:00:00.123456Z'), submittedAt: new Date('2026-09-02T10:30:00Z') },
      { ...base, type: 'advice', status: 'draft', createdAt: new Date('2026-10-01T08:00:00Z') },
      { ...base, dossierId: other.dossier.id, studentId: other.student.id, type: 'extension', status: 'draft' },
    ]);
    await db.insert(t.dossierEntries).values([
      { dossierId: dossier.id, kind: 'note', title: 'Oud', body: 'a', occurredOn: '2026-09-03', visibility: 'shared' },
      { dossierId: dossier.id, kind: 'meeting', title: 'Nieuw', body: 'b', occurredOn: '2026-10-03' },
      { dossierId: other.dossier.id, kind: 'report', title: 'Ander dossier', body: 'c', occurredOn: '2026-10-04' },
    ]);

    const content = await getDossierContent(handle.db, await held(org, dossier.id));
    expect(content.requests.map((r) => r.type)).toEqual(['advice', 'support_request']);
    const [newest, oldest] = content.requests;
    expect(newest!.submittedAt).toBeNull();
    expect(oldest!.createdAt).toBeInstanceOf(Date);
    expect(oldest!.createdAt.toISOString()).toBe('2026-09-01T08:00:00.123Z');
    expect(oldest!.submittedAt?.toISOString()).toBe('2026-09-02T10:30:00.000Z');
    expect(oldest!.description).toBe('Eerste "aanvraag" met \\ en é');
    expect(content.entries).toEqual([
      expect.objectContaining({ kind: 'meeting', title: 'Nieuw', occurredOn: '2026-10-03' }),
      expect.objectContaining({ kind: 'note', title: 'Oud', occurredOn: '2026-09-03' }),
    ]);
  });

  it('gives empty lists for a dossier without requests or entries', async () => {
    const org = await makeOrganisation(handle.db);
    const { dossier } = await makeDossier(handle.db, org);
    expect(await getDossierContent(handle.db, await held(org, dossier.id))).toEqual({ requests: [], entries: [] });
  });
});

describe('attachments a contact may see are chosen in SQL (issue 22, point 13)', () => {
  it("a parent's query result holds only the files of shared entries and submitted requests, staff get all", async () => {
    const { db } = handle;
    const org = await makeOrganisation(db);
    const { student, dossier } = await makeDossier(db, org);
    const base = { studentId: student.id, centreId: org.centre.id, schoolId: org.school.id, dossierId: dossier.id };
    const [draft, submitted] = await db
      .insert(t.requests)
      .values([
        { ...base, type: 'support_request', status: 'draft' },
        { ...base, type: 'advice', status: 'submitted' },
      ])
      .returning();
    const [shared, internal] = await db
      .insert(t.dossierEntries)
      .values([
        { dossierId: dossier.id, kind: 'note', title: 'Gedeeld', body: 'a', occurredOn: '2026-09-03', visibility: 'shared' },
        { dossierId: dossier.id, kind: 'note', title: 'Intern', body: 'b', occurredOn: '2026-09-04', visibility: 'internal' },
      ])
      .returning();
    const file = (name: string, owner: { entryId?: string; requestId?: string }) => ({
      dossierId: dossier.id, fileName: name, contentType: 'application/pdf', size: 1, sha256: 'x', ...owner,
    });
    await db.insert(t.attachments).values([
      file('werkversie.pdf', { requestId: draft!.id }),
      file('aanvraag.pdf', { requestId: submitted!.id }),
      file('gedeeld.pdf', { entryId: shared!.id }),
      file('intern.pdf', { entryId: internal!.id }),
    ]);
    const { viewer: parent } = await makeContact(db, dossier.id, 'parent');
    const names = async (grant: Awaited<ReturnType<typeof grantFor<'dossier.view'>>>) => (await listVisibleAttachments(db, grant)).map((a) => a.fileName).sort();
    expect(await names(await grantFor(db, parent, dossier.id, 'dossier.view'))).toEqual(['aanvraag.pdf', 'gedeeld.pdf']);
    expect(await names(await held(org, dossier.id))).toEqual(['aanvraag.pdf', 'gedeeld.pdf', 'intern.pdf', 'werkversie.pdf']);
    const content = await getDossierContent(db, await grantFor(db, parent, dossier.id, 'dossier.view'));
    expect(content.requests.flatMap((r) => r.attachments.map((a) => a.fileName))).toEqual(['aanvraag.pdf']);
  });
});
