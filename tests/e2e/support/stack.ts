/**
 * What the e2e stack (serve.ts) and the reliability run (scripts/reliability) both start before
 * `next start`: the database with the demo and the matrix actors, and the itsme stand-in that
 * knows the matrix persons. Import after the app's environment is in process.env.
 */
import type { DatabaseTarget } from '@/lib/db/client';

/** Migrates and seeds (demo + actors). Strictly before a server starts: PGlite allows one process per folder. */
export async function seedStackDatabase(target: DatabaseTarget): Promise<void> {
  const { openDatabase } = await import('@/lib/db/client');
  const { runMigrations } = await import('@/lib/db/migrate');
  const { seedDemo } = await import('@/tooling/demo/seed');
  const { seedActors } = await import('./seed-actors');
  const handle = openDatabase(target);
  try {
    await runMigrations(handle);
    await seedDemo(handle.db);
    await seedActors(handle.db);
  } finally {
    await handle.close();
  }
}

/** The stand-in on `port`, accepting the itsme callback of every app URL given. */
export async function startStackStandin(port: number, appUrls: string[]) {
  const { env } = await import('@/lib/config/env');
  const { startStandin } = await import('@/tooling/itsme-standin');
  const { ALL_E2E_PERSONS } = await import('./actors');
  const config = env();
  return startStandin({
    port,
    clientId: config.ITSME_CLIENT_ID,
    serviceCode: config.ITSME_SERVICE_CODE,
    redirectUris: appUrls.map((url) => `${url}/api/auth/callback/itsme`),
    // The app's own /.well-known/jwks.json, fetched as itsme does (the app is up before any login).
    clientJwksUri: `${appUrls[0]}/.well-known/jwks.json`,
    persons: ALL_E2E_PERSONS,
  });
}
