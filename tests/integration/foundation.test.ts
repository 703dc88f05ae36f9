import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '@/lib/db/client';
import { runMigrations } from '@/lib/db/migrate';
import * as t from '@/lib/db/schema';
import { isEmpty, seedDemo } from '@/tooling/demo/seed';
import { createTestDatabase } from '../support/test-database';
import { databaseError, openTestDb } from '../support/db';
import { makeDossier, makeOrganisation, makeUser } from '../support/fixtures';

const TABLES = [
  'attachment_blobs', 'attachments', 'audit_events', 'centres', 'contact_notices', 'departments',
  'dossier_contacts', 'dossier_entries', 'dossier_entry_versions', 'dossiers', 'invitations',
  'mail_outbox', 'rate_limit_buckets', 'request_status_changes', 'requests', 'schools', 'sessions',
  'staff_memberships', 'students', 'users',
].sort();

async function tableNames(handle: DatabaseHandle): Promise<string[]> {
  const result = await handle.db.execute<{ table_name: string }>(
    sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
  );
  const rows = Array.isArray(result) ? result : (result as { rows: { table_name: string }[] }).rows;
  return rows.map((r) => r.table_name);
}

const journal = JSON.parse(readFileSync(path.join(process.cwd(), 'drizzle/meta/_journal.json'), 'utf8')) as { entries: unknown[] };

describe('migrations', () => {
  it('apply cleanly to an empty database and a second run changes nothing', async () => {
    const fresh = await createTestDatabase();
    const handle = openDatabase(fresh.url ? { url: fresh.url } : { memory: true });
    try {
      expect(await tableNames(handle)).toEqual([]);
      await runMigrations(handle);
      // Sorted here: PostgreSQL's collation and PGlite's order '_' differently.
      expect((await tableNames(handle)).sort()).toEqual(TABLES);
      await runMigrations(handle);
      expect((await tableNames(handle)).sort()).toEqual(TABLES);
      const applied = await handle.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      const rows = Array.isArray(applied) ? applied : (applied as { rows: { n: number }[] }).rows;
      // Every migration in drizzle/meta/_journal.json, once, and every SQL file in drizzle/ is in the journal.
      expect((rows[0] as { n: number }).n).toBe(journal.entries.length);
      expect(readdirSync('drizzle').filter((f) => f.endsWith('.sql'))).toHaveLength(journal.entries.length);
    } finally {
      await handle.close();
      await fresh.drop();
    }
    // A fresh embedded database, migrated twice: ~10 s alone, much more on a loaded machine.
  }, 90_000);
});

describe('database rules', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDb();
  });
  afterAll(async () => handle.close());

  it('refuses to update or delete an audit event', async () => {
    const actor = await makeUser(handle.db);
    const [event] = await handle.db
      .insert(t.auditEvents)
      .values({ actorId: actor.id, action: 'login' })
      .returning();
    expect(
      await databaseError(handle.db.execute(sql`update audit_events set action = 'tampered' where id = ${event!.id}`)),
    ).toMatch(/append-only \(UPDATE refused\)/);
    expect(await databaseError(handle.db.execute(sql`delete from audit_events where id = ${event!.id}`))).toMatch(
      /append-only \(DELETE refused\)/,
    );
    const still = await handle.db.execute(sql`select action from audit_events where id = ${event!.id}`);
    const rows = Array.isArray(still) ? still : (still as { rows: { action: string }[] }).rows;
    expect((rows[0] as { action: string }).action).toBe('login');
  });

  it('allows one active contact per dossier and person, and a new one after revocation', async () => {
    const org = await makeOrganisation(handle.db);
    const { dossier } = await makeDossier(handle.db, org);
    const person = await makeUser(handle.db, 'Ria Ouder');
    const [first] = await handle.db
      .insert(t.dossierContacts)
      .values({ dossierId: dossier.id, userId: person.id, role: 'parent' })
      .returning();
    expect(
      await databaseError(
        handle.db.insert(t.dossierContacts).values({ dossierId: dossier.id, userId: person.id, role: 'teacher' }),
      ),
    ).toMatch(/23505.*dossier_contacts_active_uq/);
    await handle.db.execute(sql`update dossier_contacts set revoked_at = now() where id = ${first!.id}`);
    await expect(
      handle.db.insert(t.dossierContacts).values({ dossierId: dossier.id, userId: person.id, role: 'parent' }),
    ).resolves.toBeDefined();
  });

  it('allows one open invitation per dossier and address, and a new one once it is closed', async () => {
    const org = await makeOrganisation(handle.db);
    const { dossier } = await makeDossier(handle.db, org);
    const staff = await makeUser(handle.db, 'Sara Staf');
    const invite = (role: 'parent' | 'teacher') => ({
      dossierId: dossier.id,
      role,
      email: 'Ouder@example.be',
      emailKey: 'ouder@example.be',
      tokenHash: randomUUID(),
      invitedBy: staff.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    const [first] = await handle.db.insert(t.invitations).values(invite('parent')).returning();
    expect(await databaseError(handle.db.insert(t.invitations).values(invite('teacher')))).toMatch(
      /23505.*invitations_open_per_address_uq/,
    );
    await handle.db.execute(sql`update invitations set status = 'cancelled' where id = ${first!.id}`);
    await expect(handle.db.insert(t.invitations).values(invite('parent'))).resolves.toBeDefined();
  });
});

describe('demo seed', () => {
  it('fills an empty database and adds nothing when run again', async () => {
    const fresh = await createTestDatabase();
    const handle = openDatabase(fresh.url ? { url: fresh.url } : { memory: true });
    const count = async () => {
      const counts: Record<string, number> = {};
      for (const table of ['users', 'students', 'dossiers', 'requests', 'dossier_entries', 'dossier_contacts', 'staff_memberships']) {
        const r = await handle.db.execute(sql.raw(`select count(*)::int as n from ${table}`));
        const rows = Array.isArray(r) ? r : (r as { rows: { n: number }[] }).rows;
        counts[table] = (rows[0] as { n: number }).n;
      }
      return counts;
    };
    try {
      await runMigrations(handle);
      expect(await isEmpty(handle.db)).toBe(true);
      await seedDemo(handle.db);
      const first = await count();
      expect(first.students).toBe(40);
      expect(first.dossiers).toBe(40);
      expect(first.staff_memberships).toBe(3);
      expect(first.dossier_contacts).toBe(1);
      const statuses = await handle.db.execute(sql`select distinct status from requests order by status`);
      const statusRows = Array.isArray(statuses) ? statuses : (statuses as { rows: { status: string }[] }).rows;
      expect(statusRows.map((r) => (r as { status: string }).status)).toEqual(['draft', 'submitted', 'in_progress', 'completed']);
      await seedDemo(handle.db);
      expect(await count()).toEqual(first);
    } finally {
      await handle.close();
      await fresh.drop();
    }
  }, 90_000);
});
