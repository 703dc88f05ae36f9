/**
 * `npm run bench [-- --dossiers 1000 --rounds 3 --duration 5 ...]`: production build into
 * .next-bench, a database at the chosen scale, the stand-in and `next start`, a staff session
 * through the stand-in, then autocannon against each page, the product's control page and the
 * framework's floor (a bare Next app, and the same with a nonce-CSP proxy: scripts/bench/floor.ts),
 * in alternating rounds.
 * Figures go to the console, .data/bench/results/<label>.json and docs/PERFORMANCE.md.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { buildForBench, hasBenchBuild } from './build';
import { buildFloor, FLOOR_VARIANTS, startFloor, type FloorServer } from './floor';
import { drain, hammer, median, probe, type Sample, type Target } from './measure';
import { processCpuMs } from '../lib/next-server';
import { evaluateGoals } from './goals';
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
if (port < 3300 || port > 3396) throw new Error('--port: use 3300–3396 (the stand-in takes port + 1, the floor apps port + 2 and + 3)');

const started = performance.now();
let buildMs: number | null = null;
if (!values['skip-build'] || !hasBenchBuild()) {
  console.log('[bench] next build → .next-bench');
  buildMs = await buildForBench();
}
// The framework's floor (scripts/bench/floor.ts): rebuilt only when its sources or Next change.
for (const variant of FLOOR_VARIANTS) await buildFloor(variant);
const floors: FloorServer[] = [];

const stack = await startStack({
  dossiers,
  seed: num('seed'),
  port,
  reuseDb: values['reuse-db'],
  keepDb: values['keep-db'],
});
const label = values.label ?? `${stack.database.driver}-${dossiers}`;

type TargetResult = { label: string; path: string; c20: Sample & { rounds: Sample[] }; c1?: Sample; statements?: number };
const results: Record<string, TargetResult> = {};
const skipped: Record<string, { label: string; reason: string }> = {};
const load = { before: NaN, after: NaN };
type Memory = { rssMiB: number; hwmMiB: number };
let memory: { idle: Memory; after?: Memory; floors?: Record<string, Memory> } = { idle: stack.memory() };
const STATEMENT_SAMPLE = 20;
const statementsPerRequest = new Map<string, number>();
/** Measured in every run, whatever --only says: the ratios are to these. */
const FIXED = ['bare', 'bare-csp', 'control'];

try {
  const { fixtures, appUrl } = stack;
  const cookie = await staffCookie(appUrl, fixtures.staffSub);
  const auth = { cookie };
  const managerAuth = { cookie: await staffCookie(appUrl, fixtures.schoolManagerSub) };
  for (const [i, variant] of FLOOR_VARIANTS.entries()) floors.push(await startFloor(variant, port + 2 + i));
  const [bare, bareCsp] = floors as [FloorServer, FloorServer];
  const serverPid = (target: Target) => (floors.find((f) => f.url === target.origin)?.server ?? stack.server).pid!;
  process.env.NEXT_DIST_DIR = '.next-bench';
  const { actionId } = await import('../../tests/e2e/support/server-actions');
  const checkId = actionId('app/dossiers/[id]/contacten/actions.ts', 'checkInviteAction');
  const q = (s: string) => encodeURIComponent(s);

  const targets: Target[] = [
    { key: 'bare', label: 'Bare Next app, dynamic page (no proxy, empty layout)', path: '/bench/control', origin: bare.url, expect: { status: 200, contains: 'controle-titel' } },
    { key: 'bare-csp', label: 'Bare Next app + nonce-CSP proxy', path: '/bench/control', origin: bareCsp.url, expect: { status: 200, contains: 'controle-titel' } },
    { key: 'control', label: 'Control (/bench/control, no DB, no session)', path: '/bench/control', expect: { status: 200, contains: 'controle-titel' } },
    { key: 'aanvragen', label: 'Beheer aanvragen, first page', path: '/aanvragen', headers: auth, expect: { status: 200, contains: 'aanvragen-titel' } },
    { key: 'aanvragen-deep', label: 'Beheer aanvragen, keyset page half-way', path: `/aanvragen?na=${fixtures.deepCursor}`, headers: auth, expect: { status: 200, contains: '/dossiers/' } },
    { key: 'aanvragen-q', label: `Beheer aanvragen ?q=${fixtures.qCommon}`, path: `/aanvragen?q=${q(fixtures.qCommon)}`, headers: auth, expect: { status: 200, contains: '/dossiers/' } },
    { key: 'aanvragen-q-rare', label: `Beheer aanvragen ?q=${fixtures.qRare} (rare)`, path: `/aanvragen?q=${q(fixtures.qRare)}`, headers: auth, expect: { status: 200, contains: 'aanvragen-titel' } },
    { key: 'dossier', label: 'Dossier page (20 entries, 5 attachments)', path: `/dossiers/${fixtures.dossierId}`, headers: auth, expect: { status: 200, contains: 'dossier-titel' } },
    { key: 'bijlage', label: 'Attachment download (200 kB PDF)', path: `/dossiers/${fixtures.dossierId}/bijlagen/${fixtures.attachmentId}`, headers: auth, expect: { status: 200, contains: '%PDF' } },
    { key: 'organisatie', label: 'Beheer organisatie (centre)', path: '/organisatie', headers: auth, expect: { status: 200, contains: 'eenheid-titel' } },
    { key: 'nieuwe-aanvraag', label: 'Nieuwe aanvraag (school manager)', path: '/aanvragen/nieuw', headers: managerAuth, expect: { status: 200, contains: 'nieuwe-aanvraag-titel' } },
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
  const wanted = targets.filter((t) => FIXED.includes(t.key) || !only || only.includes(t.key));
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
  for (const key of FIXED) if (!chosen.some((t) => t.key === key)) throw new Error(`${key} does not answer`);
  load.before = loadavg()[0]!;
  if (warmup > 0) {
    console.log(`[bench] warm-up ${warmup} s per target`);
    for (const target of chosen) {
      await hammer(appUrl, target, connections, warmup);
      await drain(target.origin ?? appUrl);
    }
  }
  const samples = new Map<string, Sample[]>(chosen.map((t) => [t.key, []]));
  for (let round = 1; round <= rounds; round++) {
    for (const target of chosen) {
      const pid = serverPid(target);
      const cpuBefore = processCpuMs(pid);
      const s = await hammer(appUrl, target, connections, duration);
      const drainMs = await drain(target.origin ?? appUrl);
      s.cpuMs = (processCpuMs(pid) - cpuBefore) / Math.max(1, s.requests);
      samples.get(target.key)!.push(s);
      console.log(`[bench] round ${round}/${rounds} ${target.key.padEnd(17)} ${fmt(s.rps).padStart(6)} req/s  p50 ${fmt(s.p50, 1)}  p95 ${fmt(s.p95, 1)}  p99 ${fmt(s.p99, 1)} ms  CPU ${fmt(s.cpuMs, 2)} ms/req${s.bad ? `  (${s.bad} bad)` : ''}  (drained in ${fmt(drainMs)} ms)`);
    }
  }
  const latency = new Map<string, Sample>();
  if (latencyDuration > 0) {
    for (const target of chosen) {
      latency.set(target.key, await hammer(appUrl, target, 1, latencyDuration));
      await drain(target.origin ?? appUrl);
    }
  }
  // Statements per request: the server's own count (/bench/queries) around a few sequential
  // requests, less what the outbox worker sent meanwhile (its idle rate, measured first).
  const statements = async () => ((await (await fetch(`${appUrl}/bench/queries`)).json()) as { statements: number }).statements;
  const idleFrom = await statements();
  const idleStarted = performance.now();
  await new Promise((r) => setTimeout(r, 2000));
  const idlePerMs = ((await statements()) - idleFrom) / (performance.now() - idleStarted);
  for (const target of chosen) {
    if (target.origin) continue;
    const before = await statements();
    const started = performance.now();
    for (let i = 0; i < STATEMENT_SAMPLE; i++) {
      const response = await fetch(`${appUrl}${target.path}`, { method: target.method ?? 'GET', headers: target.headers, body: target.body, redirect: 'manual' });
      await response.arrayBuffer();
    }
    const sent = (await statements()) - before - idlePerMs * (performance.now() - started);
    statementsPerRequest.set(target.key, Math.max(0, sent) / STATEMENT_SAMPLE);
  }
  memory = { ...memory, after: stack.memory(), floors: Object.fromEntries(floors.map((f) => [f.variant, f.memory()])) };
  load.after = loadavg()[0]!;

  for (const target of chosen) {
    const list = samples.get(target.key)!;
    results[target.key] = {
      label: target.label,
      path: target.path.replace(fixtures.token, '<token>').replace(fixtures.dossierId, '<id>').replace(fixtures.attachmentId, '<attachment>').replace(fixtures.deepCursor, '<cursor>'),
      c20: {
        rps: median(list.map((s) => s.rps)),
        p50: median(list.map((s) => s.p50)),
        p95: median(list.map((s) => s.p95)),
        p99: median(list.map((s) => s.p99)),
        cpuMs: median(list.map((s) => s.cpuMs ?? NaN)),
        requests: list.reduce((n, s) => n + s.requests, 0),
        bad: list.reduce((n, s) => n + s.bad, 0),
        rounds: list,
      },
      c1: latency.get(target.key),
      statements: statementsPerRequest.get(target.key),
    };
  }
} catch (error) {
  console.error(`[bench] next-server said:\n${stack.log().split('\n').slice(-40).join('\n')}`);
  throw error;
} finally {
  await Promise.all(floors.map((f) => f.stop()));
  await stack.stop();
}

// ── Report ─────────────────────────────────────────────────────────────────────────────────
const control = results.control!.c20;
const args = process.argv.slice(2).join(' ');
const command = `${stack.database.driver === 'postgres' ? 'DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres ' : ''}npm run bench${args ? ` -- ${args}` : ''}`;
const bare = results.bare!.c20;
const bareCsp = results['bare-csp']!.c20;
const rows = Object.entries(results).map(([key, r]) => [
  key === 'control' ? `**${r.label}**` : r.label,
  fmt(r.c20.rps, r.c20.rps < 10 ? 1 : 0),
  fmt(r.c20.p50, 1),
  fmt(r.c20.p95, 1),
  fmt(r.c20.p99, 1),
  key === 'control' ? '1' : fmt(r.c20.rps / control.rps, 2),
  key === 'control' ? '1' : fmt(r.c20.p95 / control.p95, 2),
  key === 'bare' ? '1' : fmt(r.c20.rps / bare.rps, 2),
  key === 'bare-csp' ? '1' : fmt(r.c20.rps / bareCsp.rps, 2),
  fmt(r.c20.cpuMs ?? NaN, 2),
  key === 'control' ? '1' : fmt((r.c20.cpuMs ?? NaN) / (control.cpuMs ?? NaN), 2),
  r.c1 ? `${fmt(r.c1.p50, 1)} / ${fmt(r.c1.p95, 1)}` : '–',
  r.statements === undefined ? '–' : fmt(r.statements, 1),
  String(r.c20.bad),
]);
const goals = evaluateGoals(Object.fromEntries(Object.entries(results).map(([key, r]) => [key, r.c20])));
const summary = [
  `### ${label}: ${dossiers.toLocaleString('en')} scale dossiers on ${stack.database.driver === 'postgres' ? 'PostgreSQL' : 'PGlite'}`,
  '',
  `${today()} · ${machine()} · \`${command}\``,
  `· ${connections} connections, ${rounds} rounds × ${duration} s (medians), warm-up ${warmup} s, then 1 connection × ${latencyDuration} s` +
    ` · ${stack.fixtures.scopeRequests.toLocaleString('en')} requests in the centre's list · database prepared in ${fmt(stack.seedMs / 1000, 1)} s` +
    (buildMs ? ` · build ${fmt(buildMs / 1000)} s` : '') +
    ` · 1-min load average ${fmt(load.before, 1)} before, ${fmt(load.after, 1)} after (the machine is shared)`,
  '',
  table(['Target', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s ÷ control', 'p95 ÷ control', 'req/s ÷ bare', 'req/s ÷ bare + CSP', 'CPU ms/req', 'CPU ÷ control', 'c=1 p50 / p95 ms', 'DB statements/req', 'non-2xx'], rows),
  ...Object.values(skipped).map((s) => `\nNot measured: ${s.label}: ${s.reason.replace(/\|/g, '/')}`),
  '',
  `"DB statements/req" is the server's own count of statements sent (drizzle's logger, /bench/queries) over ${STATEMENT_SAMPLE} sequential requests: each is a round trip (a transaction's own BEGIN and COMMIT, round trips too, are not counted).`,
  '',
  '"CPU ms/req" is next-server\'s own CPU time (user + system, from /proc) per answered request, medians of the rounds. Other work on the machine inflates it less than req/s and latency, but does inflate it (shared cores and caches): compare within one run. On PostgreSQL the database\'s CPU is not in it; on PGlite it is.',
  '',
  'Goals in this run:',
  '',
  ...goals.map((g) => `- ${g.met ? 'met' : '**missed**'}: ${g.goal} (${g.value})`),
  '',
  `next-server RSS: ${fmt(memory.idle.rssMiB)} MiB after start, ${fmt(memory.after?.rssMiB ?? NaN)} MiB after the bench (peak ${fmt(memory.after?.hwmMiB ?? NaN)} MiB)` +
    `; the floor apps after the bench: ${Object.entries(memory.floors ?? {}).map(([k, m]) => `${k} ${fmt(m.rssMiB)} MiB`).join(', ')}.`,
].join('\n');
console.log(`\n${summary}\n`);
const file = saveResults(label, { goals, label, date: new Date().toISOString(), machine: machine(), command, dossiers, driver: stack.database.driver, connections, rounds, duration, warmup, seedMs: stack.seedMs, buildMs, scopeRequests: stack.fixtures.scopeRequests, skipped, load, qCommon: stack.fixtures.qCommon, qRare: stack.fixtures.qRare, memory, results });
if (!values['no-doc']) writeDocBlock(`bench:${label}`, summary);
console.log(`[bench] results in ${file}${values['no-doc'] ? '' : ' and docs/PERFORMANCE.md'} (${fmt((performance.now() - started) / 1000)} s in all)`);
process.exit(0);
