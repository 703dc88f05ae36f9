/**
 * The reliability stack: one fresh PostgreSQL database (demo + e2e actors), the SMTP capture,
 * the itsme stand-in, a TCP proxy in front of PostgreSQL, and two `next start` on the
 * production build in `.next`: instance A talks to PostgreSQL directly, instance B through
 * the proxy (so B alone can lose its database). Ports: base … base + 4.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { authUrlFor } from '../lib/auth-url';
import { keepOutput, spawnNextServer, stopNextServer, waitForHealth } from '../lib/next-server';
import { createTestDatabase } from '../../tests/support/test-database';
import type { SmtpCapture } from '../../tests/support/smtp-capture';
import { startTcpProxy, type TcpProxy } from './tcp-proxy';

/** Verstuur per staff member per window in this run: small, so the limit can be reached. */
export const INVITE_LIMIT = 4;

export type Instance = { name: 'A' | 'B'; url: string; server: ChildProcess; log: () => string };

export type ReliabilityStack = {
  a: Instance;
  b: Instance;
  smtp: SmtpCapture;
  dbProxy: TcpProxy;
  /** This run's database (direct, not through the proxy). */
  databaseUrl: string;
  stop(): Promise<void>;
};

export async function startReliabilityStack(basePort: number): Promise<ReliabilityStack> {
  const ports = { a: basePort, standin: basePort + 1, smtp: basePort + 2, dbProxy: basePort + 3, b: basePort + 4 };
  const dataDir = path.resolve('.data/reliability');
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });

  const database = await createTestDatabase();
  if (!database.url) throw new Error('DATABASE_URL ontbreekt: twee instanties delen één PostgreSQL-database');
  const direct = new URL(database.url);
  const viaProxy = new URL(database.url);
  viaProxy.hostname = '127.0.0.1';
  viaProxy.port = String(ports.dbProxy);

  const urlA = `http://localhost:${ports.a}`;
  const urlB = `http://localhost:${ports.b}`;
  const common: Record<string, string> = {
    APP_ENV: 'test',
    // Both instances read the development secrets (AUTH_SECRET, keys) generated here, once.
    DIPLON_DATA_DIR: dataDir,
    ITSME_STANDIN_PORT: String(ports.standin),
    SMTP_URL: `smtp://127.0.0.1:${ports.smtp}`,
    NEXT_TELEMETRY_DISABLED: '1',
    // The load must not be answered with "too many"; Verstuur keeps a small limit to test.
    RATE_CHECKS_PER_WINDOW: '1000000000',
    RATE_TOKEN_LOOKUPS_PER_MINUTE: '1000000',
    RATE_AUTH_PER_MINUTE: '1000000',
    RATE_INVITES_PER_WINDOW: String(INVITE_LIMIT),
  };
  Object.assign(process.env, common, { APP_URL: urlA, DATABASE_URL: direct.toString() });

  const { seedStackDatabase, startStackStandin } = await import('../../tests/e2e/support/stack');
  const { startSmtpCapture } = await import('../../tests/support/smtp-capture');
  await seedStackDatabase({ url: direct.toString() });
  const smtp = await startSmtpCapture({ port: ports.smtp });
  const standin = await startStackStandin(ports.standin, [urlA, urlB]);
  const dbProxy = await startTcpProxy(ports.dbProxy, { host: direct.hostname, port: Number(direct.port || 5432) });

  const start = (name: 'A' | 'B', port: number, url: string, databaseUrl: string): Instance => {
    const server = spawnNextServer({
      port,
      env: { ...process.env, ...common, APP_URL: url, AUTH_URL: authUrlFor(url), DATABASE_URL: databaseUrl, NODE_ENV: 'production' },
    });
    return { name, url, server, log: keepOutput(server) };
  };
  const a = start('A', ports.a, urlA, direct.toString());
  const b = start('B', ports.b, urlB, viaProxy.toString());

  const stop = async () => {
    await Promise.allSettled([stopNextServer(a.server), stopNextServer(b.server)]);
    await Promise.allSettled([standin.close(), smtp.close(), dbProxy.close()]);
    await database.drop().catch(() => {});
  };
  try {
    await Promise.all([waitForHealth(urlA, a.server), waitForHealth(urlB, b.server)]);
  } catch (error) {
    console.error(`A:\n${a.log().slice(-3000)}\nB:\n${b.log().slice(-3000)}`);
    await stop();
    throw error;
  }
  return { a, b, smtp, dbProxy, databaseUrl: direct.toString(), stop };
}
