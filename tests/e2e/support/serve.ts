/**
 * The e2e stack, started by Playwright's webServer: a fresh database (PGlite folder, or a new
 * PostgreSQL database when DATABASE_URL is set) with the demo and the matrix actors, a real
 * SMTP capture, the itsme stand-in, and `next start` on the production build.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { authUrlFor } from '../../../scripts/lib/auth-url';
import { E2E } from './ports';

const dataDir = path.resolve(E2E.dataDir);
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });

const { createTestDatabase } = await import('../../support/test-database');
const database = await createTestDatabase();

const appEnv: Record<string, string> = {
  APP_ENV: 'test',
  APP_URL: E2E.appUrl,
  AUTH_URL: authUrlFor(E2E.appUrl),
  DIPLON_DATA_DIR: dataDir,
  ITSME_STANDIN_PORT: String(E2E.standinPort),
  SMTP_URL: `smtp://127.0.0.1:${E2E.smtpPort}`,
  NEXT_TELEMETRY_DISABLED: '1',
  // As behind one reverse proxy: tests give each request its own client address this way.
  TRUSTED_PROXY_HOPS: '1',
  // The property tests send a thousand Checks as one staff member; the limit itself is
  // tested on the data access layer.
  RATE_CHECKS_PER_WINDOW: '1000000',
  ...(database.url ? { DATABASE_URL: database.url } : {}),
};
Object.assign(process.env, appEnv);
if (!database.url) delete process.env.DATABASE_URL;

const { configuredTarget, openDatabase } = await import('@/lib/db/client');
const { runMigrations } = await import('@/lib/db/migrate');
const { seedDemo } = await import('@/lib/db/seed');
const { seedActors } = await import('./seed-actors');
const { rpPublicJwks } = await import('@/lib/auth/itsme/keys');
const { env } = await import('@/lib/config/env');
const { startStandin } = await import('@/lib/itsme-standin');
const { startSmtpCapture } = await import('../../support/smtp-capture');
const { ALL_E2E_PERSONS } = await import('./actors');

// Seed strictly before the server starts: PGlite allows one process per folder.
const handle = openDatabase(configuredTarget());
await runMigrations(handle);
await seedDemo(handle.db);
await seedActors(handle.db);
await handle.close();

const config = env();
const smtp = await startSmtpCapture({ port: E2E.smtpPort, dir: path.resolve(E2E.mailDir) });
const standin = await startStandin({
  port: E2E.standinPort,
  clientId: config.ITSME_CLIENT_ID,
  serviceCode: config.ITSME_SERVICE_CODE,
  redirectUris: [`${E2E.appUrl}/api/auth/callback/itsme`],
  clientJwks: rpPublicJwks(),
  persons: ALL_E2E_PERSONS,
});

const server = spawn(
  process.execPath,
  ['node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(E2E.appPort)],
  { stdio: 'inherit', env: { ...process.env, ...appEnv } },
);

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  server.kill('SIGTERM');
  await Promise.allSettled([standin.close(), smtp.close()]);
  await database.drop().catch(() => {});
  process.exit(code);
}
server.on('exit', (code) => void stop(code ?? 0));
process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => void stop(0));
