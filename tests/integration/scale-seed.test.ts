import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '@/lib/db/client';
import { runMigrations } from '@/lib/db/migrate';
import { rowsOf } from '@/lib/db/rows';
import { scaleId, seedScale } from '@/tooling/demo/scale-seed';
import { seedDemo } from '@/tooling/demo/seed';
import { studentSearchName } from '@/lib/text/search-name';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// Its own database (a fresh PostgreSQL one, or in-memory PGlite): the scale rows must not
// change what other files count, and COPY is exercised on the driver in use.
const NOW = new Date('2026-06-01T10:00:00Z');
let database: TestDatabase;
let handle: DatabaseHandle;

async function count(table: string): Promise<number> {
  return rowsOf<{ n: number }>(await handle.db.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;
}

beforeAll(async () => {
  database = await createTestDatabase();
  handle = openDatabase(database.url ? { url: database.url } : { memory: true });
  await runMigrations(handle);
  await seedDemo(handle.db, NOW);
});

afterAll(async () => {
  await handle.close();
  await database.drop();
});

describe('seedScale', () => {
  it('adds students, dossiers, requests, entries, contacts and audit events on top of the demo', async () => {
    const demoStudents = await count('students');
    const result = await seedScale(handle.db, { dossiers: 30, seed: 7, now: NOW, chunk: 8 });
    expect(result).toMatchObject({ seed: 7, existing: 0, added: 30 });
    expect(await count('students')).toBe(demoStudents + 30);
    expect(result.rows.requests).toBeGreaterThanOrEqual(30);
    expect(result.rows.requests).toBeLessThanOrEqual(60);
    expect(result.rows.audit_events).toBeGreaterThanOrEqual(30 * 6);
    expect(result.rows.dossier_contacts).toBe(result.rows.users);

    const [student] = rowsOf<{ given_name: string; family_name: string; search_name: string; centre_id: string }>(
      await handle.db.execute(sql`select given_name, family_name, search_name, centre_id from students where id = ${scaleId(7, 'student', 3)}`),
    );
    expect(student!.search_name).toBe(studentSearchName(student!.given_name, student!.family_name));
    // Requests copy their scope from the student, as the keyset list relies on.
    const mismatched = rowsOf<{ n: number }>(
      await handle.db.execute(sql`select count(*)::int as n from requests r join students s on s.id = r.student_id
        where r.school_id <> s.school_id or r.centre_id <> s.centre_id or r.department_id is distinct from s.department_id`),
    )[0]!.n;
    expect(mismatched).toBe(0);
  });

  it('is resumable: the same count adds nothing, a larger one only the missing dossiers', async () => {
    expect(await seedScale(handle.db, { dossiers: 30, seed: 7, now: NOW })).toMatchObject({ existing: 30, added: 0 });
    expect(await seedScale(handle.db, { dossiers: 35, seed: 7, now: NOW })).toMatchObject({ existing: 30, added: 5 });
    expect(await count('dossiers')).toBe(40 + 35);
  });

  it('is deterministic: the same seed gives the same rows in another database', async () => {
    const other = openDatabase({ memory: true });
    try {
      await runMigrations(other);
      await seedDemo(other.db, NOW);
      await seedScale(other.db, { dossiers: 5, seed: 7, now: NOW });
      const pick = async (h: DatabaseHandle) =>
        rowsOf(
          await h.db.execute(sql`select s.search_name, s.class_name, r.status, r.created_at::text as created
            from students s join requests r on r.student_id = s.id where s.id = ${scaleId(7, 'student', 4)} order by r.created_at`),
        );
      expect(await pick(other)).toEqual(await pick(handle));
    } finally {
      await other.close();
    }
  });
});
