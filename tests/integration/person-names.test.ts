import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/lib/db/client';
import * as t from '@/lib/db/schema';
import { findInvitationByToken } from '@/lib/invites/find-invitation-by-token';
import { sendInvitation } from '@/lib/invites/send-invitation';
import { unseal } from '@/lib/mail/seal';
import { SEALED_KEY } from '@/lib/mail/templates';
import { listUnitStaff } from '@/lib/organisation/list-unit-staff';
import { listAssigneesInScope } from '@/lib/requests/list-assignees-in-scope';
import { listCentreStaff } from '@/lib/requests/list-centre-staff';
import { openTestDb } from '../support/db';
import { grantFor, makeDossier, makeOrganisation, makeStaff, unitGrantFor } from '../support/fixtures';

/**
 * itsme MAY leave out the given name. A person without one is their family name everywhere the
 * product names them (issue 21 point 3: four staff lists said "null Janssens", and in SQL
 * `NULL || ' ' || family` made the inviter vanish from the invitation page).
 */
let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(async () => handle.close());

async function world() {
  const db = handle.db;
  const org = await makeOrganisation(db);
  const { dossier } = await makeDossier(db, org);
  const nameless = await makeStaff(db, { role: 'centre_staff', centreId: org.centre.id }, 'X Naamloos');
  await db.update(t.users).set({ givenName: null }).where(eq(t.users.id, nameless.user.id));
  return { db, org, dossier, nameless };
}

describe('a person whose itsme login gave no given name', () => {
  it('is their family name in the centre staff and assignee lists, never "null Naamloos"', async () => {
    const { db, dossier, nameless } = await world();
    const grant = await grantFor(db, nameless.viewer, dossier.id, 'requests.work');
    const staff = await listCentreStaff(db, grant);
    expect(staff.find((s) => s.id === nameless.user.id)?.name).toBe('Naamloos');
    const assignees = await listAssigneesInScope(db, nameless.viewer.memberships);
    expect(assignees.find((s) => s.id === nameless.user.id)?.name).toBe('Naamloos');
  });

  it('is named as a unit member and as the inviter of the people they invited', async () => {
    const { db, org, nameless } = await world();
    const unit = { kind: 'centre' as const, id: org.centre.id };
    const invitee = await makeStaff(db, { role: 'centre_staff', centreId: org.centre.id }, 'Ines Genodigd');
    await db.update(t.staffMemberships).set({ invitedBy: nameless.user.id }).where(eq(t.staffMemberships.userId, invitee.user.id));
    const list = await listUnitStaff(db, await unitGrantFor(db, nameless.viewer, unit, 'unit.view'));
    expect(list.active.find((p) => p.userId === nameless.user.id)?.name).toBe('Naamloos');
    expect(list.active.find((p) => p.userId === invitee.user.id)?.invitedBy).toBe('Naamloos');
  });

  it("is the inviter on the invitation page: the link does not read as if the installation sent it", async () => {
    const { db, dossier, nameless } = await world();
    const grant = await grantFor(db, nameless.viewer, dossier.id, 'contacts.manage');
    const sent = await sendInvitation(db, grant, { role: 'teacher', email: 'juf.naamloos@example.be' });
    if (sent.status !== 'sent') throw new Error(`not sent: ${sent.status}`);
    const [mail] = await db.select().from(t.mailOutbox).where(eq(t.mailOutbox.id, sent.mailId));
    const token = unseal((mail!.payload as Record<string, string>)[SEALED_KEY]!).split('/uitnodiging/')[1]!;
    const view = await findInvitationByToken(db, token);
    expect(view.valid && view.inviterName).toBe('Naamloos');
  });
});
