import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { DatabaseHandle } from './client';

export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), 'drizzle');

/** Arbitrary constant: the advisory lock that serialises migrations of several app instances. */
const MIGRATION_LOCK = 72_410_331;

/** Applies the committed migrations in `drizzle/`; applying them again changes nothing. */
export async function runMigrations(handle: DatabaseHandle): Promise<void> {
  const migrationsFolder = MIGRATIONS_FOLDER;
  if (handle.driver === 'pglite') {
    await migratePglite(drizzlePglite(handle.client as PGlite), { migrationsFolder });
    return;
  }
  // Two instances starting together must not both apply the same migration: one connection
  // holds a session advisory lock for the whole run.
  const single = postgres(handle.url!, { max: 1, onnotice: () => {} });
  try {
    await single`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migratePostgres(drizzlePostgres(single), { migrationsFolder });
  } finally {
    await single.end({ timeout: 5 });
  }
}
