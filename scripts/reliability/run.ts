/**
 * `npm run test:reliability [-- --duration 30]`: issue 6, points 4, 5 and 10 against the
 * production build (`.next`, built first when missing) on PostgreSQL (DATABASE_URL: a local
 * server; a fresh database is created and dropped). Two instances, a database outage, load,
 * then the count of mails both outboxes delivered. Ports 3500–3504 (`--base-port`). Exits non-zero when any check fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { databaseOutage } from './database-outage';
import { load } from './load';
import { startReliabilityStack } from './stack';
import { login } from './http';
import { mailsOnce, twoInstances } from './two-instances';

const { values } = parseArgs({
  options: { duration: { type: 'string', default: '30' }, 'base-port': { type: 'string', default: '3500' } },
  strict: true,
});
const duration = Number(values.duration);
const basePort = Number(values['base-port']);
if (!Number.isFinite(duration) || duration < 1) throw new Error('--duration expects seconds (≥ 1)');
if (!(basePort >= 3500 && basePort <= 3516)) throw new Error('--base-port: 3500–3516 (the run takes five ports)');
if (!process.env.DATABASE_URL) {
  console.error('test:reliability needs PostgreSQL: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres).');
  process.exit(1);
}

const started = performance.now();
const loadBefore = loadavg()[0]!;
const seconds = (from: number) => Number(((performance.now() - from) / 1000).toFixed(1));
let buildSeconds: number | null = null;
if (existsSync('.next/BUILD_ID')) {
  console.log('[reliability] existing production build (.next) reused');
} else {
  const t = performance.now();
  const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (build.status !== 0) process.exit(build.status ?? 1);
  buildSeconds = seconds(t);
}

const stackStarted = performance.now();
const stack = await startReliabilityStack(basePort);
const stackSeconds = seconds(stackStarted);
console.log(`[reliability] two instances up in ${stackSeconds} s (A ${stack.a.url}, B ${stack.b.url} via the database proxy)`);

const { TEST_PERSONS } = await import('@/tooling/demo/test-persons');
const results: Record<string, { ok: boolean; seconds: number; figures?: unknown; error?: string }> = {};
async function check(name: string, body: () => Promise<unknown>) {
  const t = performance.now();
  try {
    const figures = await body();
    results[name] = { ok: true, seconds: seconds(t), figures };
    console.log(`✔ ${name} (${results[name]!.seconds} s) ${JSON.stringify(figures)}`);
  } catch (error) {
    results[name] = { ok: false, seconds: seconds(t), error: (error as Error).message };
    console.error(`✖ ${name} (${results[name]!.seconds} s): ${(error as Error).message}`);
  }
}

try {
  // One staff session, made on A, used on both instances by every check.
  const staff = await login(stack.a.url, TEST_PERSONS.centreStaff.sub);
  await check('two instances, one database', () => twoInstances(stack, staff));
  await check('database outage on B', () => databaseOutage(stack, staff));
  await check(`load on A (${duration} s per target)`, () => load(stack.a, staff, duration));
  await check('outbox of both instances: every mail once', () => mailsOnce(stack));
} finally {
  if (Object.values(results).some((r) => !r.ok)) {
    console.error(`[reliability] A said:\n${stack.a.log().slice(-2500)}\n[reliability] B said:\n${stack.b.log().slice(-2500)}`);
  }
  await stack.stop();
}

const total = seconds(started);
const machine = `${cpus().length} cores, 1-min load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after`;
mkdirSync('.data/reliability-results', { recursive: true });
const file = `.data/reliability-results/${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), machine, duration, buildSeconds, stackSeconds, totalSeconds: total, results }, null, 2));
const failed = Object.entries(results).filter(([, r]) => !r.ok);
console.log(`[reliability] ${failed.length ? `${failed.length} failed` : 'all passed'} in ${total} s (stack ${stackSeconds} s${buildSeconds ? `, build ${buildSeconds} s` : ''}); figures in ${file}; ${machine}`);
process.exit(failed.length ? 1 : 0);
