/**
 * `npm run bench:explain -- --dossiers 100000`: EXPLAIN (ANALYZE, BUFFERS) of every query the
 * benchmarked pages run, against the bench database of that scale (kept by `npm run bench --
 * --keep-db`; PostgreSQL when DATABASE_URL is set, else the PGlite folder).
 *
 * The SQL is not retyped: the app's own data functions run against a drizzle handle whose
 * logger records each statement and its parameters; each is then explained inside a
 * transaction that is rolled back (so writes leave nothing behind).
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { fmt, machine, saveResults, today, writeDocBlock } from './report';
import { BENCH_DATA_DIR } from './stack';

const { values } = parseArgs({
  options: {
    dossiers: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    label: { type: 'string' },
    'no-doc': { type: 'boolean', default: false },
  },
  strict: true,
});
const dossiers = Number(values.dossiers);
const seed = Number(values.seed);

process.env.APP_ENV ??= 'test';
process.env.DIPLON_DATA_DIR = BENCH_DATA_DIR;

const { drizzle: drizzlePostgres } = await import('drizzle-orm/postgres-js');
const { drizzle: drizzlePglite } = await import('drizzle-orm/pglite');
const schema = await import('@/lib/db/schema');
const { DEMO_CENTRE, demoId } = await import('@/tooling/demo/demo-data');
const { TEST_PERSONS } = await import('@/tooling/demo/test-persons');
const { findSession } = await import('@/lib/auth/find-session');
const { hashSessionToken } = await import('@/lib/auth/session-token');
const { listRequests } = await import('@/lib/requests/list-requests');
const { listSchoolsInScope } = await import('@/lib/requests/list-schools-in-scope');
const { narrowGrant, resolveDossierGrant } = await import('@/lib/dossiers/dossier-grant');
const { getDossierContent } = await import('@/lib/dossiers/get-dossier-content');
const { listContacts } = await import('@/lib/dossiers/list-contacts');
const { listOpenInvitations } = await import('@/lib/invites/list-open-invitations');
const { findInvitationByToken } = await import('@/lib/invites/find-invitation-by-token');
const { consumeRateLimit } = await import('@/lib/rate-limit/consume');
const { findAddressOnTarget } = await import('@/lib/invites/find-address-on-target');
const { recordAudit } = await import('@/lib/audit/record-event');
const { listDossierEvents } = await import('@/lib/audit/list-dossier-events');
const { CURSOR_TIME_FORMAT, encodeCursor } = await import('@/lib/requests/cursor');
const { newInvitationToken } = await import('@/lib/invites/token');
type Db = import('@/lib/db/client').Db;

// ── The database ───────────────────────────────────────────────────────────────────────────
type Raw = { query(text: string, params: unknown[]): Promise<Record<string, unknown>[]>; close(): Promise<void>; driver: string; where: string };
let raw: Raw;
const captured: { label: string; sql: string; params: unknown[] }[] = [];
let current = '';
const logger = { logQuery: (query: string, params: unknown[]) => void captured.push({ label: current, sql: query, params }) };
let db: Db;

if (process.env.DATABASE_URL) {
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/diplon_bench_${dossiers}`;
  const client = postgres(url.toString(), { max: 1, onnotice: () => {} });
  raw = {
    driver: 'postgres',
    where: `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`,
    query: (text, params) => client.unsafe(text, params as postgres.ParameterOrJSON<never>[]) as unknown as Promise<Record<string, unknown>[]>,
    close: () => client.end({ timeout: 5 }),
  };
  db = drizzlePostgres(client, { schema, logger }) as unknown as Db;
} else {
  const dir = path.join(BENCH_DATA_DIR, `pglite-${dossiers}`);
  if (!existsSync(dir)) throw new Error(`${dir} does not exist: run npm run bench -- --dossiers ${dossiers} --keep-db first`);
  const { PGlite } = await import('@electric-sql/pglite');
  const client: PGlite = new PGlite(dir);
  raw = {
    driver: 'pglite',
    where: `PGlite ${path.relative(process.cwd(), dir)}`,
    query: async (text, params) => (await client.query<Record<string, unknown>>(text, params)).rows,
    close: () => client.close(),
  };
  db = drizzlePglite(client, { schema, logger }) as unknown as Db;
}

const failures: { label: string; error: string }[] = [];
/** Runs one app function with its statements recorded; a failing one is noted (its SQL is still explained). */
async function run<T>(label: string, body: () => Promise<T>): Promise<T | undefined> {
  current = label;
  try {
    return await body();
  } catch (error) {
    const cause = (error as { cause?: Error }).cause;
    failures.push({ label, error: `${(cause ?? (error as Error)).message.split('\n')[0]}` });
    return undefined;
  } finally {
    current = '';
  }
}

// ── The fixtures the bench uses ────────────────────────────────────────────────────────────
const staffId = demoId(`user:${TEST_PERSONS.centreStaff.sub}`);
const sessionToken = `explain-${randomBytes(16).toString('hex')}`;
await raw.query(`insert into sessions (session_token, user_id, expires) values ($1, $2, now() + interval '1 hour')`, [hashSessionToken(sessionToken), staffId]);

try {
  const [{ dossier_id: dossierId }] = (await raw.query(
    `select c.dossier_id from dossier_contacts c join users u on u.id = c.user_id
     where u.itsme_sub like $1 and c.revoked_at is null order by c.dossier_id limit 1`,
    [`scale-${seed}-%`],
  )) as [{ dossier_id: string }];
  const [{ n: scopeRequests }] = (await raw.query(`select count(*)::int as n from requests where centre_id = $1`, [DEMO_CENTRE.id])) as [{ n: number }];
  const [middle] = (await raw.query(
    `select to_char(created_at at time zone 'UTC', $3) as created_at, id from requests where centre_id = $1 order by created_at desc, id desc offset $2 limit 1`,
    [DEMO_CENTRE.id, Math.floor(scopeRequests / 2), CURSOR_TIME_FORMAT],
  )) as [{ created_at: string; id: string }];
  const deepCursor = encodeCursor({ createdAt: middle.created_at, id: middle.id });
  const [rare] = (await raw.query(`select search_name from students where search_name like 'tulpveld %' order by id limit 1`, [])) as [{ search_name: string } | undefined];
  const qRare = rare?.search_name ?? 'tulpveld noor';

  // ── The pages' queries, by the app's own functions ───────────────────────────────────────
  const viewer = (await run('session: findSession with memberships and hasDossiers (every signed-in page)', () => findSession(db, sessionToken)))!;
  await run('aanvragen: listRequests, first page', () => listRequests(db, viewer, {}));
  await run('aanvragen: listRequests, keyset page half-way', () => listRequests(db, viewer, { cursor: deepCursor }));
  await run('aanvragen: listRequests ?q=hazel', () => listRequests(db, viewer, { q: 'hazel' }));
  await run(`aanvragen: listRequests ?q=${qRare} (rare)`, () => listRequests(db, viewer, { q: qRare }));
  await run('aanvragen: listRequests ?status=submitted', () => listRequests(db, viewer, { status: 'submitted' }));
  await run('aanvragen: listSchoolsInScope', () => listSchoolsInScope(db, viewer.memberships));
  const [managed] = (await raw.query(`select school_id from staff_memberships where role = 'school_manager' order by id limit 1`, [])) as [{ school_id: string }];
  const schoolManager = { memberships: [{ role: 'school_manager' as const, centreId: null, schoolId: managed.school_id, departmentId: null }] };
  await run('aanvragen: listRequests as school manager', () => listRequests(db, schoolManager, {}));
  const grant = (await run('dossier: resolveDossierGrant (also contacten, Check)', () => resolveDossierGrant(db, viewer, dossierId, 'dossier.view')))!;
  await run('dossier: getDossierContent', () => getDossierContent(db, grant));
  await run('dossier: recordAudit (also contacten, Check)', () => recordAudit(db, { actorId: staffId, action: 'dossier_viewed', dossierId, origin: 'explain' }));
  await run('contacten: listContacts', () => listContacts(db, narrowGrant(grant, 'contacts.view')!));
  await run('contacten: listOpenInvitations', () => listOpenInvitations(db, narrowGrant(grant, 'contacts.manage')!));
  await run('uitnodiging: consumeRateLimit (also Check)', () => consumeRateLimit(db, 'token:explain', 1_000_000, 60_000));
  await run('uitnodiging: findInvitationByToken', () => findInvitationByToken(db, newInvitationToken()));
  await run('check: findAddressOnTarget', () => findAddressOnTarget(db, { kind: 'dossier', dossierId, centreId: '00000000-0000-4000-8000-000000000000' }, 'nieuwe.ouder@telenet.be'));
  await run('logboek: listDossierEvents', () => listDossierEvents(db, narrowGrant(grant, 'audit.view')!));


  // ── Explain each ─────────────────────────────────────────────────────────────────────────
  const sizes = new Map(
    ((await raw.query(`select relname, reltuples::bigint as n from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace`, [])) as { relname: string; n: number | string }[]).map((r) => [r.relname, Number(r.n)]),
  );
  const LARGE = 10_000;
  type Explained = { label: string; sql: string; ms: number; indexes: string[]; seqScans: string[]; verdict: string; plan: string };
  const explained: Explained[] = [];
  for (const q of captured) {
    if (!q.label) continue;
    await raw.query('begin', []);
    let plan = '';
    try {
      const params = q.params.map((p) => (p instanceof Date ? p.toISOString() : p));
      const rows = await raw.query(`explain (analyze, buffers, format text) ${q.sql}`, params);
      plan = rows.map((r) => String(Object.values(r)[0])).join('\n');
    } finally {
      await raw.query('rollback', []);
    }
    const indexes = [...new Set([...plan.matchAll(/(?:Index Scan|Index Only Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (\w+)/g)].map((m) => m[1]!))];
    const seqScans = [...new Set([...plan.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1]!))];
    const largeSeq = seqScans.filter((t) => (sizes.get(t) ?? 0) >= LARGE);
    const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN);
    const discarded = Math.max(0, ...[...plan.matchAll(/Rows Removed by Filter: (\d+)/g)].map((m) => Number(m[1])));
    const sorted = /Sort Method: top-N heapsort|Sort Method: (quicksort|external merge)/.test(plan) && /Seq Scan on requests/.test(plan);
    const verdict = largeSeq.length
      ? `**seq scan on ${largeSeq.join(', ')}**${sorted ? ' + sort' : ''}`
      : discarded > 1_000
        ? `**index read, ${discarded.toLocaleString('en')} rows filtered out**`
        : indexes.length
          ? 'index'
          : seqScans.length
            ? 'seq scan, small tables only'
            : 'no table read';
    explained.push({ label: q.label, sql: q.sql, ms, indexes, seqScans, verdict, plan });
  }

  const label = values.label ?? `${raw.driver}-${dossiers}`;
  const lines = [
    `### ${label}: EXPLAIN (ANALYZE) at ${dossiers.toLocaleString('en')} scale dossiers (${raw.driver === 'postgres' ? 'PostgreSQL' : 'PGlite'})`,
    '',
    `${today()} · ${machine()} · \`${raw.driver === 'postgres' ? 'DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres ' : ''}npm run bench:explain -- ${process.argv.slice(2).join(' ')}\` · ${scopeRequests.toLocaleString('en')} requests in the centre's list`,
    `· "large" = more than ${LARGE.toLocaleString('en')} rows: ${[...sizes].filter(([, n]) => n >= LARGE).map(([t, n]) => `${t} ${n.toLocaleString('en')}`).join(', ')}`,
    '',
    '| Query (page: function) | Execution ms | Indexes used | Seq scans | Verdict |',
    '| --- | ---: | --- | --- | --- |',
    ...explained.map((e) => `| ${e.label} | ${fmt(e.ms, 2)} | ${e.indexes.join(', ') || '–'} | ${e.seqScans.join(', ') || '–'} | ${e.verdict} |`),
  ];
  if (failures.length) {
    lines.push('', ...failures.map((f) => `The app's own call failed here (its SQL was explained with the dates as text): ${f.label}: \`${f.error}\``));
  }
  const summary = lines.join('\n');
  console.log(summary);
  const details = explained.map((e) => `-- ${e.label}\n${e.sql}\n${e.plan}`).join('\n\n');
  const file = saveResults(`explain-${label}`, { label, date: new Date().toISOString(), where: raw.where, explained });
  const { writeFileSync } = await import('node:fs');
  writeFileSync(file.replace(/\.json$/, '.txt'), `${details}\n`);
  console.log(`\nfull plans: ${file.replace(/\.json$/, '.txt')}`);
  if (!values['no-doc']) writeDocBlock(`explain:${label}`, summary);
} finally {
  await raw.query('delete from sessions where session_token = $1', [hashSessionToken(sessionToken)]).catch(() => {});
  await raw.query(`delete from rate_limit_buckets where key = 'token:explain'`, []).catch(() => {});
  await raw.close();
}
