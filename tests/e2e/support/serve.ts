/**
 * The e2e stack, started by Playwright's webServer: a fresh database (PGlite folder, or a new
 * PostgreSQL database when DATABASE_URL is set) with the demo and the matrix actors, a real
 * SMTP capture, the itsme stand-in, and `next start` on the production build.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { authUrlFor } from '../../../scripts/lib/auth-url';
import { spawnNextServer } from '../../../scripts/lib/next-server';
import { E2E, NEW_CENTRE } from './ports';

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
  // Every browser login of the suite comes from 127.0.0.1; the /api/auth limit is tested in
  // tests/integration/itsme-login.test.ts.
  RATE_AUTH_PER_MINUTE: '1000000',
  ...(database.url ? { DATABASE_URL: database.url } : {}),
};
Object.assign(process.env, appEnv);
if (!database.url) delete process.env.DATABASE_URL;

const { configuredTarget } = await import('@/lib/db/client');
const { seedStackDatabase, startStackStandin } = await import('./stack');
const { startSmtpCapture } = await import('../../support/smtp-capture');

// A real installation's first step, on the still empty database (before the demo exists):
// the organisation flow (organisation.spec.ts) starts from the invitation it sends.
initNewCentre();
await seedStackDatabase(configuredTarget());
const smtp = await startSmtpCapture({ port: E2E.smtpPort, dir: path.resolve(E2E.mailDir) });
const standin = await startStackStandin(E2E.standinPort, [E2E.appUrl]);
const server = spawnNextServer({ port: E2E.appPort, env: { ...process.env, ...appEnv }, stdio: 'inherit' });

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

/** `npm run centre:init` twice, as an installer would (the second run must refuse); both outputs kept for the spec. */
function initNewCentre() {
  const run = (extra: string[] = []) => {
    const result = spawnSync('npx', ['tsx', 'scripts/centre-init.ts', '--name', NEW_CENTRE.name, '--email', NEW_CENTRE.email, ...extra], {
      env: process.env,
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`centre:init failed: ${result.stderr}`);
    return result.stdout;
  };
  writeFileSync(path.join(dataDir, NEW_CENTRE.logFile), JSON.stringify({ first: run(), second: run() }));
}
