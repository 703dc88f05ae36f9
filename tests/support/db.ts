import { openDatabase, type DatabaseHandle } from '@/lib/db/client';
import { runMigrations } from '@/lib/db/migrate';
import { createTestDatabase } from './test-database';

/**
 * A migrated database of this test file's own: a fresh PostgreSQL database (dropped on close)
 * when DATABASE_URL is set, otherwise an in-memory PGlite. Files share nothing, so vitest can
 * run them side by side.
 */
export async function openTestDb(): Promise<DatabaseHandle> {
  const fresh = await createTestDatabase();
  const handle = openDatabase(fresh.url ? { url: fresh.url } : { memory: true });
  await runMigrations(handle);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await fresh.drop();
    },
  };
}

/** The database's own message behind a failed query (drizzle wraps it as `cause`). */
export async function databaseError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const cause = (error as { cause?: { message?: string; code?: string } }).cause;
    return `${cause?.code ?? ''} ${cause?.message ?? (error as Error).message}`;
  }
  throw new Error('expected the query to fail');
}
