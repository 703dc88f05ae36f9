/**
 * Summaries of a V8 CPU profile (next-server started with --cpu-prof): where the time went, by
 * package and by function, optionally only inside a time window (CLOCK_MONOTONIC microseconds,
 * the clock of both V8's profiles and `process.hrtime`, so another process can mark a window).
 *
 *   tsx scripts/bench/profile-summary.ts <file.cpuprofile> [top]
 */
import { readFileSync } from 'node:fs';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
export type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

export type Breakdown = { totalUs: number; busyUs: number; byPackage: [string, number][]; byFunction: [string, number][] };

export function readProfile(file: string): Profile {
  return JSON.parse(readFileSync(file, 'utf8')) as Profile;
}

export const PGLITE_GROUP = '(PGlite: WebAssembly and its JavaScript)';

function groupOf(functionName: string, url: string): string {
  if (functionName === '(idle)') return '(idle)';
  if (functionName === '(garbage collector)') return '(garbage collector)';
  if (functionName === '(program)') return '(program)';
  const where = url.replace(/^file:\/\//, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(where);
  if (pkg?.[1]?.startsWith('@electric-sql/') || where.startsWith('wasm://')) return PGLITE_GROUP;
  if (pkg) return pkg[1]!;
  if (where.includes('/.next')) return '(app server bundle: app code, drizzle, postgres.js)';
  if (where.startsWith('node:') || where === '') return '(Node.js internals and native: sockets, async hooks, streams)';
  return where;
}

export function breakdown(profile: Profile, window?: { fromUs: number; toUs: number }): Breakdown {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    t += dt;
    if (window && (t < window.fromUs || t > window.toUs)) return;
    self.set(id, (self.get(id) ?? 0) + dt);
  });
  const fn = new Map<string, number>();
  const pkg = new Map<string, number>();
  let totalUs = 0;
  let idleUs = 0;
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    totalUs += us;
    if (functionName === '(idle)') idleUs += us;
    const where = url.replace(/^file:\/\//, '').split('/').slice(-2).join('/');
    const key = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
    fn.set(key, (fn.get(key) ?? 0) + us);
    const group = groupOf(functionName, url);
    pkg.set(group, (pkg.get(group) ?? 0) + us);
  }
  const sort = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return { totalUs, busyUs: totalUs - idleUs, byPackage: sort(pkg), byFunction: sort(fn) };
}

export function formatBreakdown(b: Breakdown, top = 20): string {
  const pct = (us: number) => `${((100 * us) / b.totalUs).toFixed(1)}%`.padStart(6);
  return [
    `${(b.totalUs / 1e6).toFixed(1)} s sampled, ${((100 * b.busyUs) / b.totalUs).toFixed(0)}% busy`,
    'By package:',
    ...b.byPackage.slice(0, 12).map(([k, us]) => `${pct(us)}  ${k}`),
    'By function (self):',
    ...b.byFunction.slice(0, top).map(([k, us]) => `${pct(us)}  ${k}`),
  ].join('\n');
}

if (process.argv[1]?.endsWith('profile-summary.ts')) {
  const [file, top] = process.argv.slice(2);
  if (!file) throw new Error('usage: tsx scripts/bench/profile-summary.ts <file.cpuprofile> [top]');
  console.log(formatBreakdown(breakdown(readProfile(file)), Number(top ?? 25)));
}
