/**
 * `npm run bench:profile -- --dossiers 100000 --targets control,dossier`: where next-server's
 * CPU goes per page. Starts the bench stack with `node --cpu-prof`, loads each target for a
 * while at 20 connections, and reads the profile back for exactly those windows: CPU time per
 * request and its split by package (Next's renderer, our bundle with drizzle and postgres.js,
 * Node internals, GC). The targets 'bare' and 'bare-csp' are the framework's floor apps
 * (scripts/bench/floor.ts), each profiled in its own next-server.
 */
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildFloor, FLOOR_VARIANTS, startFloor, type FloorServer, type FloorVariant } from './floor';
import { drain, hammer } from './measure';
import { processCpuMs } from '../lib/next-server';
import { PGLITE_GROUP, breakdown, formatBreakdown, readProfile } from './profile-summary';
import { fmt, machine, table, today, writeDocBlock } from './report';
import { staffCookie, startStack } from './stack';

const { values } = parseArgs({
  options: {
    dossiers: { type: 'string', default: '1000' },
    port: { type: 'string', default: '3320' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20' },
    targets: { type: 'string', default: 'bare-csp,control,dossier,aanvragen' },
  },
  strict: true,
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const dir = mkdtempSync(path.join(tmpdir(), 'diplon-prof-'));
const stack = await startStack({ dossiers: Number(values.dossiers), seed: 1, port: Number(values.port), reuseDb: true, keepDb: true, cpuProfDir: dir });
const windows: { key: string; fromUs: number; toUs: number; requests: number; server: 'app' | FloorVariant; cpuMs: number }[] = [];
const wanted = values.targets.split(',');
const floorOf = (key: string) => FLOOR_VARIANTS.find((v) => key === v || key === `${v}-root`);
const floors: FloorServer[] = [];
try {
  for (const [i, variant] of FLOOR_VARIANTS.entries()) {
    if (!wanted.some((key) => floorOf(key) === variant)) continue;
    await buildFloor(variant);
    mkdirSync(path.join(dir, variant));
    floors.push(await startFloor(variant, Number(values.port) + 2 + i, path.join(dir, variant)));
  }
  const cookie = await staffCookie(stack.appUrl, stack.fixtures.staffSub);
  const { dossierId, token, deepCursor } = stack.fixtures;
  const paths: Record<string, { path: string; auth: boolean }> = {
    control: { path: '/bench/control', auth: false },
    aanvragen: { path: '/aanvragen', auth: true },
    'aanvragen-deep': { path: `/aanvragen?na=${deepCursor}`, auth: true },
    dossier: { path: `/dossiers/${dossierId}`, auth: true },
    contacten: { path: `/dossiers/${dossierId}/contacten`, auth: true },
    uitnodiging: { path: `/uitnodiging/${token}`, auth: false },
  };
  for (const key of wanted) {
    const floor = floors.find((f) => f.variant === floorOf(key));
    // A floor app at the control page's path, or ('…-root') at '/', one segment shallower.
    const p = floor ? { path: key.endsWith('-root') ? '/' : '/bench/control', auth: false } : paths[key];
    if (!p) throw new Error(`unknown target ${key} (${[...FLOOR_VARIANTS, ...Object.keys(paths)].join(', ')})`);
    const target = { key, label: key, path: p.path, origin: floor?.url, headers: p.auth ? { cookie } : undefined };
    const origin = floor?.url ?? stack.appUrl;
    await hammer(stack.appUrl, target, connections, 3);
    await drain(origin);
    const pid = (floor?.server ?? stack.server).pid!;
    const cpuBefore = processCpuMs(pid);
    const fromUs = Number(process.hrtime.bigint() / 1000n);
    const sample = await hammer(stack.appUrl, target, connections, seconds);
    const toUs = Number(process.hrtime.bigint() / 1000n);
    await drain(origin);
    const cpuMs = (processCpuMs(pid) - cpuBefore) / Math.max(1, sample.requests);
    windows.push({ key, fromUs, toUs, requests: sample.requests, server: floor?.variant ?? 'app', cpuMs });
  }
} finally {
  await Promise.all(floors.map((f) => f.stop()));
  await stack.stop();
}
const profileOf = (server: 'app' | FloorVariant) => {
  const folder = server === 'app' ? dir : path.join(dir, server);
  const file = readdirSync(folder).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no profile written in ${folder}`);
  return readProfile(path.join(folder, file));
};
const rows: (string | number)[][] = [];
const groups = ['next', '(app server bundle: app code, drizzle, postgres.js)', '(Node.js internals and native: sockets, async hooks, streams)', '(garbage collector)', PGLITE_GROUP];
for (const w of windows) {
  const b = breakdown(profileOf(w.server), w);
  const perRequest = (us: number) => us / 1000 / Math.max(1, w.requests);
  const share = (g: string) => perRequest(b.byPackage.find(([k]) => k === g)?.[1] ?? 0);
  rows.push([w.key, w.requests, fmt(w.cpuMs, 2), fmt((100 * b.busyUs) / b.totalUs), fmt(perRequest(b.busyUs), 1), ...groups.map((g) => fmt(share(g), 1))]);
  console.log(`\n== ${w.key} (${w.requests} requests)\n${formatBreakdown(b, 15)}`);
}
console.log(`\nprofiles in ${dir}\n`);
const summary = [
  `### ${stack.database.driver}-${values.dossiers}: next-server main thread per request`,
  '',
  `${today()} · ${machine()} · \`${stack.database.driver === 'postgres' ? 'DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres ' : ''}npm run bench:profile -- ${process.argv.slice(2).join(' ')}\` · ${connections} connections × ${seconds} s per target, V8 CPU profile samples inside each window (wall-clock sampling of the main thread: under CPU contention waiting time counts too)`,
  '',
  table(['Target', 'requests', 'CPU ms/req (/proc)', 'main thread busy %', 'ms/request', 'Next ms', 'app bundle ms', 'Node internals ms', 'GC ms', 'PGlite ms'], rows),
  '',
  '"App bundle" is our server code with what Turbopack bundled into it: drizzle-orm and postgres.js. "Node internals" are sockets, streams, async hooks and promise machinery.',
].join('\n');
console.log(summary);
writeDocBlock(`profile:${stack.database.driver}-${values.dossiers}`, summary);
process.exit(0);
