import { ConfigError, env } from '@/lib/config/env';
import { database, type Db } from '@/lib/db/client';
import { runMigrations } from '@/lib/db/migrate';
import { startOutboxWorker } from '@/lib/mail/outbox-worker';

/**
 * Server start-up. A configuration error stops the process with the names of what is wrong.
 * Migrations run here because PGlite allows one process per data folder: the server is that process.
 */
export async function startServer(): Promise<void> {
  try {
    env();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const handle = database();
  await runMigrations(handle);
  if (handle.driver === 'pglite') await seedEmbeddedDemo(handle.db);
  startOutboxWorker();
}

/** The embedded database exists only in development and tests: an empty one gets the demo (tooling/demo). */
async function seedEmbeddedDemo(db: Db): Promise<void> {
  const { isEmpty, seedDemo } = await import('@/tooling/demo/seed');
  if (!(await isEmpty(db))) return;
  await seedDemo(db);
  console.log('[diplon] lege ingebouwde database: demogegevens geladen');
}
