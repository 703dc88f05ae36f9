import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDossierEvents } from '@/lib/audit/list-dossier-events';
import { recordAudit, type AuditAction } from '@/lib/audit/record-event';
import { recordLogin } from '@/lib/auth/record-login';
import type { DatabaseHandle } from '@/lib/db/client';
import * as t from '@/lib/db/schema';
import { initCentre } from '@/lib/organisation/init-centre';
import { openTestDb } from '../support/db';
import { grantFor, makeDossier, makeOrganisation, makeStaff, makeUser } from '../support/fixtures';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(async () => handle.close());

describe('audit gaps (issue 22, point 11)', () => {
  it("the logbook's 'Toegang' filter shows acceptances awaiting confirmation, confirmations, refusals and staff opening a link", async () => {
    const db = handle.db;
    const org = await makeOrganisation(db);
    const { dossier } = await makeDossier(db, org);
    const { viewer } = await makeStaff(db, { role: 'centre_staff', centreId: org.centre.id });
    const actions: AuditAction[] = ['invitation_accepted_pending', 'contact_confirmed', 'contact_refused', 'invitation_opened_by_staff'];
    for (const action of actions) await recordAudit(db, { actorId: viewer.user.id, action, dossierId: dossier.id });
    const { events } = await listDossierEvents(db, await grantFor(db, viewer, dossier.id, 'audit.view'), { kind: 'access' });
    expect(events.map((e) => e.action).sort()).toEqual([...actions].sort());
  });

  it('centre:init records the centre it creates (once)', async () => {
    const db = handle.db;
    const name = `Leersteuncentrum Audit ${randomUUID().slice(0, 6)}`;
    const first = await initCentre(db, { name, email: 'beheer@audit.example' });
    if (first.status !== 'invited') throw new Error(first.status);
    await initCentre(db, { name, email: 'beheer@audit.example', resend: true });
    const events = await db.select().from(t.auditEvents).where(and(eq(t.auditEvents.action, 'centre_created'), eq(t.auditEvents.targetId, first.centreId)));
    expect(events).toEqual([expect.objectContaining({ actorId: null, targetType: 'centre', details: { name, via: 'centre:init' } })]);
  });

  it('a login with other itsme names records them before and after; the same names record nothing more than the login', async () => {
    const db = handle.db;
    const user = await makeUser(db, 'Marie Oudnaam');
    await recordLogin(db, { userId: user.id, sub: user.itsmeSub, givenName: 'Marie', familyName: 'Nieuwnaam', isNewUser: false, origin: '203.0.113.5' });
    await recordLogin(db, { userId: user.id, sub: user.itsmeSub, givenName: 'Marie', familyName: 'Nieuwnaam', isNewUser: false, origin: '203.0.113.5' });
    const changed = await db.select().from(t.auditEvents).where(and(eq(t.auditEvents.action, 'identity_names_changed'), eq(t.auditEvents.targetId, user.id)));
    expect(changed).toEqual([
      expect.objectContaining({ details: { before: { givenName: 'Marie', familyName: 'Oudnaam' }, after: { givenName: 'Marie', familyName: 'Nieuwnaam' } } }),
    ]);
    const logins = await db.select().from(t.auditEvents).where(and(eq(t.auditEvents.action, 'login'), eq(t.auditEvents.actorId, user.id)));
    expect(logins).toHaveLength(2);
    await expect(recordLogin(db, { userId: user.id, sub: 'another-sub', givenName: 'X', familyName: 'Y', isNewUser: false, origin: null })).rejects.toThrow();
  });
});
