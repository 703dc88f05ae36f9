/**
 * `npm run bench [-- --dossiers 1000 --rounds 3 --duration 5 ...]`: production build into
 * .next-bench, a database at the chosen scale, the stand-in and `next start`, a staff session
 * through the stand-in, then autocannon against each page and a control page.
 * Figures go to the console, .data/bench/results/<label>.json and docs/PERFORMANCE.md.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { buildForBench, hasBenchBuild } from './build';
import { drain, hammer, median, probe, type Sample, type Target } from './measure';
import { fmt, machine, saveResults, table, today, writeDocBlock } from './report';
import { staffCookie, startStack } from './stack';

const { values } = parseArgs({
  options: {
    dossiers: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    port: { type: 'string', default: '3300' },
    rounds: { type: 'string', default: '4' },
    duration: { type: 'string', default: '4' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '20' },
    'latency-duration': { type: 'string', default: '3' },
    only: { type: 'string' },
    label: { type: 'string' },
    'skip-build': { type: 'boolean', default: false },
    'reuse-db': { type: 'boolean', default: false },
    'keep-db': { type: 'boolean', default: false },
    'no-doc': { type: 'boolean', default: false },
  },
  strict: true,
});

const num = (name: keyof typeof values) => {
  const n = Number(values[name]);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} expects a number`);
  return n;
};
const dossiers = num('dossiers');
const rounds = Math.max(1, num('rounds'));
const duration = num('duration');
const warmup = num('warmup');
const connections = Math.max(1, num('connections'));
const latencyDuration = num('latency-duration');
const port = num('port');
if (port < 3300 || port > 3398) throw new Error('--port: use 3300–3398 (the stand-in takes port + 1)');

const started = performance.now();
let buildMs: number | null = null;
if (!values['skip-build'] || !hasBenchBuild()) {
  console.log('[bench] next build → .next-bench');
  buildMs = await buildForBench();
}

const stack = await startStack({
  dossiers,
  seed: num('seed'),
  port,
  reuseDb: values['reuse-db'],
  keepDb: values['keep-db'],
});
const label = values.label ?? `${stack.database.driver}-${dossiers}`;

type TargetResult = { label: string; path: string; c20: Sample & { rounds: Sample[] }; c1?: Sample };
const results: Record<string, TargetResult> = {};
const skipped: Record<string, { label: string; reason: string }> = {};
const load = { before: NaN, after: NaN };
let memory: { idle: { rssMiB: number; hwmMiB: number }; after?: { rssMiB: number; hwmMiB: number } } = { idle: stack.memory() };

try {
  const { fixtures, appUrl } = stack;
  const cookie = await staffCookie(appUrl, fixtures.staffSub);
  const auth = { cookie };
  process.env.NEXT_DIST_DIR = '.next-bench';
  const { actionId } = await import('../../tests/e2e/support/server-actions');
  const checkId = actionId('app/dossiers/[id]/contacten/actions.ts', 'checkInviteAction');
  const q = (s: string) => encodeURIComponent(s);

  const targets: Target[] = [
    { key: 'control', label: 'Control (/bench/control, no DB, no session)', path: '/bench/control', expect: { status: 200, contains: 'controle-titel' } },
    { key: 'aanvragen', label: 'Beheer aanvragen, first page', path: '/aanvragen', headers: auth, expect: { status: 200, contains: 'aanvragen-titel' } },
    { key: 'aanvragen-deep', label: 'Beheer aanvragen, keyset page half-way', path: `/aanvragen?na=${fixtures.deepCursor}`, headers: auth, expect: { status: 200, contains: '/dossiers/' } },
    { key: 'aanvragen-q', label: `Beheer aanvragen ?q=${fixtures.qCommon}`, path: `/aanvragen?q=${q(fixtures.qCommon)}`, headers: auth, expect: { status: 200, contains: '/dossiers/' } },
    { key: 'aanvragen-q-rare', label: `Beheer aanvragen ?q=${fixtures.qRare} (rare)`, path: `/aanvragen?q=${q(fixtures.qRare)}`, headers: auth, expect: { status: 200, contains: 'aanvragen-titel' } },
    { key: 'dossier', label: 'Dossier page', path: `/dossiers/${fixtures.dossierId}`, headers: auth, expect: { status: 200, contains: 'dossier-titel' } },
    { key: 'contacten', label: 'Beheer contacten', path: `/dossiers/${fixtures.dossierId}/contacten`, headers: auth, expect: { status: 200, contains: 'contacten-titel' } },
    { key: 'uitnodiging', label: 'Invitation landing page', path: `/uitnodiging/${fixtures.token}`, expect: { status: 200, contains: 'invitation-summary' } },
    {
      key: 'check',
      label: 'Check server action (POST)',
      path: `/dossiers/${fixtures.dossierId}/contacten`,
      method: 'POST',
      headers: {
        ...auth,
        'next-action': checkId,
        accept: 'text/x-component',
        'content-type': 'text/plain;charset=UTF-8',
        origin: appUrl,
      },
      body: JSON.stringify([fixtures.dossierId, { email: 'nieuwe.ouder@telenet.be', role: 'parent' }]),
      expect: { status: 200, contains: '"status":"ok"' },
    },
  ];
  const only = values.only?.split(',').map((s) => s.trim());
  const wanted = targets.filter((t) => t.key === 'control' || !only || only.includes(t.key));
  // A target that does not answer as expected is reported and left out, not measured.
  const chosen: Target[] = [];
  for (const target of wanted) {
    try {
      await probe(appUrl, target);
      chosen.push(target);
    } catch (error) {
      const reason = (error as Error).message.split('\n')[0]!.replace(`${target.label}: `, '');
      const cause = /\[cause\]: (.+)/.exec(stack.log())?.[1]?.trim();
      skipped[target.key] = { label: target.label, reason: cause ? `${reason}; server: ${cause.slice(0, 160)}` : reason };
      console.error(`[bench] ${target.key} left out: ${skipped[target.key]!.reason}`);
    }
  }
  if (!chosen.some((t) => t.key === 'control')) throw new Error('the control page does not answer');
  load.before = loadavg()[0]!;
  if (warmup > 0) {
    console.log(`[bench] warm-up ${warmup} s per target`);
    for (const target of chosen) {
      await hammer(appUrl, target, connections, warmup);
      await drain(appUrl);
    }
  }
  const samples = new Map<string, Sample[]>(chosen.map((t) => [t.key, []]));
  for (let round = 1; round <= rounds; round++) {
    for (const target of chosen) {
      const s = await hammer(appUrl, target, connections, duration);
      const drainMs = await drain(appUrl);
      samples.get(target.key)!.push(s);
      console.log(`[bench] round ${round}/${rounds} ${target.key.padEnd(17)} ${fmt(s.rps).padStart(6)} req/s  p50 ${fmt(s.p50, 1)}  p95 ${fmt(s.p95, 1)}  p99 ${fmt(s.p99, 1)} ms${s.bad ? `  (${s.bad} bad)` : ''}  (drained in ${fmt(drainMs)} ms)`);
    }
  }
  const latency = new Map<string, Sample>();
  if (latencyDuration > 0) {
    for (const target of chosen) {
      latency.set(target.key, await hammer(appUrl, target, 1, latencyDuration));
      await drain(appUrl);
    }
  }
  memory = { ...memory, after: stack.memory() };
  load.after = loadavg()[0]!;

  for (const target of chosen) {
    const list = samples.get(target.key)!;
    results[target.key] = {
      label: target.label,
      path: target.path.replace(fixtures.token, '<token>').replace(fixtures.dossierId, '<id>').replace(fixtures.dossierId, '<id>').replace(fixtures.deepCursor, '<cursor>'),
      c20: {
        rps: median(list.map((s) => s.rps)),
        p50: median(list.map((s) => s.p50)),
        p95: median(list.map((s) => s.p95)),
        p99: median(list.map((s) => s.p99)),
        requests: list.reduce((n, s) => n + s.requests, 0),
        bad: list.reduce((n, s) => n + s.bad, 0),
        rounds: list,
      },
      c1: latency.get(target.key),
    };
  }
} catch (error) {
  console.error(`[bench] next-server said:\n${stack.log().split('\n').slice(-40).join('\n')}`);
  throw error;
} finally {
  await stack.stop();
}

// ── Report ─────────────────────────────────────────────────────────────────────────────────
const control = results.control!.c20;
const args = process.argv.slice(2).join(' ');
const command = `${stack.database.driver === 'postgres' ? 'DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres ' : ''}npm run bench${args ? ` -- ${args}` : ''}`;
const rows = Object.entries(results).map(([key, r]) => [
  key === 'control' ? `**${r.label}**` : r.label,
  fmt(r.c20.rps, r.c20.rps < 10 ? 1 : 0),
  fmt(r.c20.p50, 1),
  fmt(r.c20.p95, 1),
  fmt(r.c20.p99, 1),
  key === 'control' ? '1' : fmt(r.c20.rps / control.rps, 2),
  key === 'control' ? '1' : fmt(r.c20.p95 / control.p95, 2),
  r.c1 ? `${fmt(r.c1.p50, 1)} / ${fmt(r.c1.p95, 1)}` : '–',
  String(r.c20.bad),
]);
const summary = [
  `### ${label}: ${dossiers.toLocaleString('en')} scale dossiers on ${stack.database.driver === 'postgres' ? 'PostgreSQL' : 'PGlite'}`,
  '',
  `${today()} · ${machine()} · \`${command}\``,
  `· ${connections} connections, ${rounds} rounds × ${duration} s (medians), warm-up ${warmup} s, then 1 connection × ${latencyDuration} s` +
    ` · ${stack.fixtures.scopeRequests.toLocaleString('en')} requests in the centre's list · database prepared in ${fmt(stack.seedMs / 1000, 1)} s` +
    (buildMs ? ` · build ${fmt(buildMs / 1000)} s` : '') +
    ` · 1-min load average ${fmt(load.before, 1)} before, ${fmt(load.after, 1)} after (the machine is shared)`,
  '',
  table(['Target', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s ÷ control', 'p95 ÷ control', 'c=1 p50 / p95 ms', 'non-2xx'], rows),
  ...Object.values(skipped).map((s) => `\nNot measured: ${s.label}: ${s.reason.replace(/\|/g, '/')}`),
  '',
  `next-server RSS: ${fmt(memory.idle.rssMiB)} MiB after start, ${fmt(memory.after?.rssMiB ?? NaN)} MiB after the bench (peak ${fmt(memory.after?.hwmMiB ?? NaN)} MiB).`,
].join('\n');
console.log(`\n${summary}\n`);
const file = saveResults(label, { label, date: new Date().toISOString(), machine: machine(), command, dossiers, driver: stack.database.driver, connections, rounds, duration, warmup, seedMs: stack.seedMs, buildMs, scopeRequests: stack.fixtures.scopeRequests, skipped, load, qCommon: stack.fixtures.qCommon, qRare: stack.fixtures.qRare, memory, results });
if (!values['no-doc']) writeDocBlock(`bench:${label}`, summary);
console.log(`[bench] results in ${file}${values['no-doc'] ? '' : ' and docs/PERFORMANCE.md'} (${fmt((performance.now() - started) / 1000)} s in all)`);
process.exit(0);
