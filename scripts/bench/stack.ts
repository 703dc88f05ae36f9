/**
 * The benchmark stack: a database at a chosen scale (PostgreSQL database `diplon_bench_<n>`
 * when DATABASE_URL is set, else a PGlite folder under .data/bench), the itsme stand-in in
 * this process, and `next start` on the `.next-bench` build — the way tests/e2e/support/serve.ts
 * starts the e2e stack, on ports 33xx and with its own data folder.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { keepOutput, processMemory, spawnNextServer, stopNextServer, waitForHealth } from '../lib/next-server';
import { BENCH_DIST_DIR } from './build';

export const BENCH_DATA_DIR = path.resolve('.data/bench');

export type StackOptions = {
  dossiers: number;
  seed: number;
  port: number;
  /** Keep an existing database of the same scale (the scale seed only adds what is missing). */
  reuseDb: boolean;
  /** Leave the database in place afterwards (PostgreSQL: not dropped; PGlite: folder kept). */
  keepDb: boolean;
  /** Write a V8 CPU profile of next-server into this folder when it stops. */
  cpuProfDir?: string;
};

export type Fixtures = {
  staffSub: string;
  /** A school manager of the demo (the one who sees 'Nieuwe aanvraag'). */
  schoolManagerSub: string;
  /** One of the measured dossier's five attachments (200 kB, in the database store). */
  attachmentId: string;
  /** A scale dossier with an active contact and the bench's open invitation. */
  dossierId: string;
  /** A valid invitation token (only its hash is in the database). */
  token: string;
  /** A keyset cursor half-way down the centre's request list. */
  deepCursor: string;
  /** How many requests the centre staff member sees. */
  scopeRequests: number;
  /** A prefix matching many students, and a full name matching very few. */
  qCommon: string;
  qRare: string;
};

export type DatabaseInfo =
  | { driver: 'postgres'; url: string; name: string; redacted: string }
  | { driver: 'pglite'; dir: string; redacted: string };

export type Stack = {
  appUrl: string;
  database: DatabaseInfo;
  fixtures: Fixtures;
  seedMs: number;
  server: ChildProcess;
  /** The server's recent console output. */
  log(): string;
  /** Resident memory of the next-server process (and any children), in MiB. */
  memory(): { rssMiB: number; hwmMiB: number };
  stop(): Promise<void>;
};

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

function benchDatabase(options: StackOptions): DatabaseInfo {
  const base = process.env.DATABASE_URL?.trim();
  if (base) {
    const url = new URL(base);
    if (!LOCAL_HOSTS.has(url.hostname)) throw new Error(`De benchmark weigert een niet-lokale database (${url.hostname}).`);
    const name = `diplon_bench_${options.dossiers}`;
    url.pathname = `/${name}`;
    return { driver: 'postgres', url: url.toString(), name, redacted: `PostgreSQL ${url.hostname}:${url.port || 5432}/${name}` };
  }
  const dir = path.join(BENCH_DATA_DIR, `pglite-${options.dossiers}`);
  return { driver: 'pglite', dir, redacted: `PGlite ${path.relative(process.cwd(), dir)}` };
}

async function adminSql<T>(database: DatabaseInfo & { driver: 'postgres' }, run: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const url = new URL(database.url);
  url.pathname = '/postgres';
  const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
  try {
    return await run(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** The environment of the app under test (and of this process, so shared modules agree). */
export function benchEnv(options: StackOptions, database: DatabaseInfo): Record<string, string> {
  return {
    APP_ENV: 'test',
    APP_URL: `http://127.0.0.1:${options.port}`,
    DIPLON_DATA_DIR: BENCH_DATA_DIR,
    ITSME_STANDIN_PORT: String(options.port + 1),
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: BENCH_DIST_DIR,
    // /bench/queries then tells how many statements a page sends (lib/db/query-count.ts).
    DIPLON_BENCH_COUNT_QUERIES: '1',
    // The per-address and per-user limits would otherwise answer the load with "too many".
    RATE_TOKEN_LOOKUPS_PER_MINUTE: '1000000000',
    RATE_AUTH_PER_MINUTE: '1000000000',
    RATE_CHECKS_PER_WINDOW: '1000000000',
    ...(database.driver === 'postgres' ? { DATABASE_URL: database.url } : { PGLITE_DIR: database.dir }),
  };
}

/** Creates (or reuses) the bench database, seeds demo + scale, and creates the fixtures. */
async function prepareDatabase(options: StackOptions, database: DatabaseInfo): Promise<{ fixtures: Fixtures; seedMs: number }> {
  if (database.driver === 'postgres') {
    await adminSql(database, async (sql) => {
      const [exists] = await sql`select 1 from pg_database where datname = ${database.name}`;
      if (exists && !options.reuseDb) await sql.unsafe(`drop database ${database.name} with (force)`);
      if (!exists || !options.reuseDb) await sql.unsafe(`create database ${database.name}`);
    });
  } else if (!options.reuseDb) {
    rmSync(database.dir, { recursive: true, force: true });
  }

  const { openDatabase } = await import('@/lib/db/client');
  const { runMigrations } = await import('@/lib/db/migrate');
  const { seedDemo } = await import('@/tooling/demo/seed');
  const { seedScale } = await import('@/tooling/demo/scale-seed');
  const { rowsOf } = await import('@/lib/db/rows');
  const { CURSOR_TIME_FORMAT, encodeCursor } = await import('@/lib/requests/cursor');
  const { hashToken, newInvitationToken } = await import('@/lib/invites/token');
  const { DEMO_CENTRE, demoId } = await import('@/tooling/demo/demo-data');
  const { TEST_PERSONS } = await import('@/tooling/demo/test-persons');
  const { sql } = await import('drizzle-orm');

  // Strictly before the server starts: PGlite allows one process per folder.
  const handle = openDatabase(database.driver === 'postgres' ? { url: database.url } : { pgliteDir: database.dir });
  try {
    const started = performance.now();
    await runMigrations(handle);
    await seedDemo(handle.db);
    let lastLog = 0;
    await seedScale(handle.db, {
      dossiers: options.dossiers,
      seed: options.seed,
      log: (m) => {
        if (performance.now() - lastLog > 10_000) {
          lastLog = performance.now();
          console.log(`[bench] ${m}`);
        }
      },
    });
    const seedMs = performance.now() - started;
    const db = handle.db;
    const one = async <T>(query: ReturnType<typeof sql>): Promise<T> => rowsOf<T>(await db.execute(query))[0]!;

    const staffId = demoId(`user:${TEST_PERSONS.centreStaff.sub}`);
    const { dossier_id: dossierId } = await one<{ dossier_id: string }>(sql`
      select c.dossier_id from dossier_contacts c join users u on u.id = c.user_id
      where u.itsme_sub like ${`scale-${options.seed}-%`} and c.revoked_at is null
      order by c.dossier_id limit 1`);

    // The measured dossier grows to what a year of support writes: 20 entries (half shared with
    // the contacts, a few edited) and 5 attachments of 200 kB in the database store.
    const { n: entryCount } = await one<{ n: number }>(sql`select count(*)::int as n from dossier_entries where dossier_id = ${dossierId}`);
    for (let i = entryCount; i < 20; i++) {
      const { id: entryId } = await one<{ id: string }>(sql`
        insert into dossier_entries (dossier_id, author_id, kind, title, body, occurred_on, visibility, version)
        values (${dossierId}, ${staffId}, ${(['note', 'report', 'meeting'] as const)[i % 3]}, ${`Verslag ${i + 1}`},
                ${'Observatie in de klas, afspraken met de leerkracht en de volgende stappen. '.repeat(6)},
                (current_date - ${i * 9}::int), ${i % 2 ? 'internal' : 'shared'}, 1)
        returning id`);
      if (i < 5) {
        const data = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200 * 1024, 32)]);
        const { id: fileId } = await one<{ id: string }>(sql`
          insert into attachments (dossier_id, entry_id, file_name, content_type, size, sha256, uploaded_by)
          values (${dossierId}, ${entryId}, ${`bijlage-${i + 1}.pdf`}, 'application/pdf', ${data.length}, 'bench', ${staffId}) returning id`);
        await db.execute(sql`insert into attachment_blobs (attachment_id, data) values (${fileId}, ${data})`);
      }
    }

    // A fresh invitation with a token we know; earlier runs' ones are cancelled.
    await db.execute(sql`update invitations set status = 'cancelled', cancelled_at = now() where email_key like 'bench-%@telenet.be' and status = 'pending'`);
    const token = newInvitationToken();
    const email = `bench-${Date.now()}@telenet.be`;
    await db.execute(sql`
      insert into invitations (dossier_id, role, email, email_key, token_hash, invited_by, expires_at, status, sent_at)
      values (${dossierId}, 'parent', ${email}, ${email}, ${hashToken(token)}, ${staffId}, now() + interval '14 days', 'pending', now())`);

    const { n: scopeRequests } = await one<{ n: number }>(sql`select count(*)::int as n from requests where centre_id = ${DEMO_CENTRE.id}`);
    const middle = await one<{ created_at: string; id: string }>(sql`
      select to_char(created_at at time zone 'UTC', ${CURSOR_TIME_FORMAT}) as created_at, id from requests where centre_id = ${DEMO_CENTRE.id}
      order by created_at desc, id desc offset ${Math.floor(scopeRequests / 2)} limit 1`);
    const deepCursor = encodeCursor({ createdAt: middle.created_at, id: middle.id });

    // A full name that exists (so the search is honest) but is rare: one family name, one given name.
    const rare = await one<{ search_name: string } | undefined>(sql`
      select search_name from students where search_name like 'tulpveld %' order by id limit 1`);
    const { id: attachmentId } = await one<{ id: string }>(sql`select id from attachments where dossier_id = ${dossierId} order by file_name limit 1`);
    if (database.driver === 'pglite') await handle.db.execute(sql`checkpoint`);
    return {
      seedMs,
      fixtures: {
        staffSub: TEST_PERSONS.centreStaff.sub,
        schoolManagerSub: TEST_PERSONS.schoolManager.sub,
        attachmentId,
        dossierId,
        token,
        deepCursor,
        scopeRequests,
        qCommon: 'hazel',
        qRare: rare?.search_name ?? 'tulpveld noor',
      },
    };
  } finally {
    await handle.close();
  }
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const database = benchDatabase(options);
  const appEnv = benchEnv(options, database);
  Object.assign(process.env, appEnv);
  if (database.driver === 'pglite') delete process.env.DATABASE_URL;
  mkdirSync(BENCH_DATA_DIR, { recursive: true });
  if (!existsSync(path.join(BENCH_DIST_DIR, 'BUILD_ID'))) throw new Error(`no build in ${BENCH_DIST_DIR}: run without --skip-build`);

  console.log(`[bench] database ${database.redacted}: ${options.dossiers} scale dossiers (seed ${options.seed})`);
  const { fixtures, seedMs } = await prepareDatabase(options, database);
  console.log(`[bench] database ready in ${(seedMs / 1000).toFixed(1)} s (${fixtures.scopeRequests} requests in the centre's list)`);

  const { env } = await import('@/lib/config/env');
  const { startStandin } = await import('@/tooling/itsme-standin');
  const { testPersonList } = await import('@/tooling/demo/test-persons');
  const config = env();
  const appUrl = appEnv.APP_URL!;
  const standin = await startStandin({
    port: options.port + 1,
    clientId: config.ITSME_CLIENT_ID,
    serviceCode: config.ITSME_SERVICE_CODE,
    // Next normalises a loopback host to "localhost" in request URLs, so Auth.js sends
    // http://localhost:<port>/… as redirect_uri whatever APP_URL says: register both.
    redirectUris: [`${appUrl}/api/auth/callback/itsme`, `http://localhost:${options.port}/api/auth/callback/itsme`],
    clientJwksUri: `${appUrl}/.well-known/jwks.json`,
    persons: testPersonList,
  });

  const serverEnv: NodeJS.ProcessEnv = { ...process.env, ...appEnv, NODE_ENV: 'production' };
  if (database.driver === 'pglite') delete serverEnv.DATABASE_URL;
  const server = spawnNextServer({ port: options.port, env: serverEnv, cpuProfDir: options.cpuProfDir });
  const serverLog = keepOutput(server);
  try {
    await waitForHealth(appUrl, server);
  } catch (error) {
    server.kill('SIGTERM');
    await standin.close();
    console.error(serverLog());
    throw error;
  }

  let stopped = false;
  return {
    appUrl,
    database,
    fixtures,
    seedMs,
    server,
    log: serverLog,
    memory: () => processMemory(server.pid!),
    async stop() {
      if (stopped) return;
      stopped = true;
      await stopNextServer(server);
      await standin.close();
      if (!options.keepDb) {
        if (database.driver === 'postgres') {
          await adminSql(database, (sql) => sql.unsafe(`drop database if exists ${database.name} with (force)`));
        } else {
          rmSync(database.dir, { recursive: true, force: true });
        }
      }
    },
  };
}

/** The staff session, obtained through the stand-in the way a browser gets it. */
export async function staffCookie(appUrl: string, sub: string): Promise<string> {
  const { loginOverHttp } = await import('../../tests/e2e/support/http-session');
  // The jar keeps cookies per host, so the login must run under the host Auth.js redirects
  // back to: APP_URL when AUTH_URL is derived from it, "localhost" when Auth.js falls back to
  // the request URL (see the stand-in's redirect URIs). The session cookie works on both.
  try {
    return (await loginOverHttp(appUrl, sub)).cookie;
  } catch (first) {
    try {
      return (await loginOverHttp(appUrl.replace('//127.0.0.1:', '//localhost:'), sub)).cookie;
    } catch {
      throw first;
    }
  }
}
