import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '@/lib/db/client';
import { runMigrations } from '@/lib/db/migrate';

/**
 * The run's database, migrated: the fresh PostgreSQL database made by the global setup when
 * DATABASE_URL is set, otherwise an in-memory PGlite of this test file's own.
 */
export async function openTestDb(): Promise<DatabaseHandle> {
  const url = inject('databaseUrl');
  const handle = openDatabase(url ? { url } : { memory: true });
  await runMigrations(handle);
  return handle;
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
