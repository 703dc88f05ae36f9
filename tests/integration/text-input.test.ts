import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/lib/db/client';
import * as t from '@/lib/db/schema';
import { createEntry } from '@/lib/entries/create-entry';
import { entryFormSchema } from '@/lib/entries/entry-form-schema';
import { inviteSendSchema } from '@/lib/invites/invite-form-schema';
import { addUnit, renameUnit } from '@/lib/organisation/save-unit';
import { findKnownPeople } from '@/lib/people/find-relink-candidates';
import { closingNoteSchema } from '@/lib/requests/complete-request';
import { requestFormSchema } from '@/lib/requests/request-form-schema';
import { textValues } from '@/lib/actions/form-state';
import { openTestDb } from '../support/db';
import { grantFor, makeDossier, makeOrganisation, makeStaff, unitGrantFor } from '../support/fixtures';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(async () => handle.close());

const NASTY = '\u0000\u0001\u0007\u001b\u007f\u0085\ud800';

describe('every text input loses control characters other than tab and newline (issue 22, point 10)', () => {
  it('a unit name with NUL is saved without it, for add and rename (was a database error)', async () => {
    const db = handle.db;
    const org = await makeOrganisation(db);
    const { viewer } = await makeStaff(db, { role: 'centre_staff', centreId: org.centre.id });
    const centre = await unitGrantFor(db, viewer, { kind: 'centre', id: org.centre.id }, 'units.manage');
    expect(await addUnit(db, centre, `Sint-${NASTY}Jan`)).toMatchObject({ status: 'saved', name: 'Sint-Jan' });
    const school = await unitGrantFor(db, viewer, { kind: 'school', id: org.school.id }, 'units.manage');
    expect(await renameUnit(db, school, `School${NASTY} A2`)).toMatchObject({ status: 'saved', name: 'School A2' });
  });

  it("the relink search with NUL finds by the rest (was a database error)", async () => {
    const db = handle.db;
    const org = await makeOrganisation(db);
    const { viewer } = await makeStaff(db, { role: 'centre_staff', centreId: org.centre.id }, 'Greet Zoekvoorbeeld');
    const grant = await unitGrantFor(db, viewer, { kind: 'centre', id: org.centre.id }, 'people.relink');
    expect((await findKnownPeople(db, grant, `Zoek${NASTY}voorbeeld`))!.map((p) => p.name)).toEqual(['Greet Zoekvoorbeeld']);
  });

  it('an entry title and body, request text, closing note and expected name keep tab and newline only, and are stored', async () => {
    const db = handle.db;
    const org = await makeOrganisation(db);
    const { dossier } = await makeDossier(db, org);
    const { viewer } = await makeStaff(db, { role: 'centre_staff', centreId: org.centre.id });
    const entry = entryFormSchema.parse({ kind: 'note', title: `Ti${NASTY}tel`, body: `a${NASTY}\tb\r\nc`, occurredOn: '2026-10-01', visibility: 'internal' });
    expect(entry).toMatchObject({ title: 'Titel', body: 'a\tb\nc' });
    const { id } = await createEntry(db, await grantFor(db, viewer, dossier.id, 'entries.write'), entry);
    const [row] = await db.select().from(t.dossierEntries).where(eq(t.dossierEntries.id, id));
    expect(row).toMatchObject({ title: 'Titel', body: 'a\tb\nc' });

    const request = requestFormSchema.parse({ studentMode: 'existing', studentId: 'x', type: 'advice', description: `Hulp${NASTY} nodig` });
    expect(request.description).toBe('Hulp nodig');
    expect(closingNoteSchema.parse(`Afgerond${NASTY}.`)).toBe('Afgerond.');
    expect(inviteSendSchema.parse({ email: 'a@b.be', role: 'parent', checkToken: 'x', expectedName: `Jan${NASTY} Peeters` }).expectedName).toBe('Jan Peeters');
    const form = new FormData();
    // FormData already turns a lone surrogate into U+FFFD.
    form.set('title', `Ti${NASTY.slice(0, -1)}tel`);
    expect(textValues(form)).toEqual({ title: 'Titel' });
  });
});
