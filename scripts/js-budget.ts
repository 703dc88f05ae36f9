/**
 * `npm run budget:js [-- --dist .next-bench --build]`: first-load JavaScript per route (gzip),
 * from the build's manifests, against the framework baseline: the /bench/control page of the
 * same build (root layout, no client code of its own).
 *
 * A route's first load = the root main files of build-manifest.json plus every entry chunk in
 * its client reference manifest (layout, boundaries, page). Chunks that those only name
 * (`static/chunks/….js` inside their code, e.g. next/dynamic imports) are loaded later and
 * reported apart as "lazy". Exits 1 when a budget is exceeded.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { BENCH_DIST_DIR, buildForBench } from './bench/build';
import { fmt, machine, table, today, writeDocBlock } from './bench/report';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: BENCH_DIST_DIR },
    build: { type: 'boolean', default: false },
    'no-doc': { type: 'boolean', default: false },
  },
  strict: true,
});
const dist = values.dist;
if (values.build || (!existsSync(path.join(dist, 'BUILD_ID')) && dist === BENCH_DIST_DIR)) await buildForBench();
if (!existsSync(path.join(dist, 'BUILD_ID'))) throw new Error(`no build in ${dist}`);

const BASELINE = '/bench/control';
/** Budgets over the baseline, KiB gzip. */
const BUDGETS: Record<string, number> = { '/dossiers/[id]/contacten': 30, '/uitnodiging/[token]': 10 };

const KiB = 1024;
const sizes = new Map<string, { raw: number; gzip: number }>();
function size(file: string) {
  let s = sizes.get(file);
  if (!s) {
    const bytes = readFileSync(path.join(dist, file));
    s = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    sizes.set(file, s);
  }
  return s;
}

type RscManifest = Record<string, { entryJSFiles?: Record<string, string[]> }>;
function entryFiles(appPath: string): string[] {
  const file = path.join(dist, 'server', 'app', `${appPath}_client-reference-manifest.js`);
  if (!existsSync(file)) return [];
  const sandbox = { __RSC_MANIFEST: {} as RscManifest };
  new Function('globalThis', readFileSync(file, 'utf8'))(sandbox);
  const manifest = sandbox.__RSC_MANIFEST[appPath];
  return [...new Set(Object.values(manifest?.entryJSFiles ?? {}).flat())];
}

/** Chunks named inside these chunks (transitively) that are not among them: loaded on demand. */
function lazyFiles(entries: Set<string>): string[] {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.pop()!;
    const code = readFileSync(path.join(dist, file), 'utf8');
    for (const [name] of code.matchAll(/static\/chunks\/[\w.-]+\.js/g)) {
      if (!entries.has(name) && !seen.has(name) && existsSync(path.join(dist, name))) {
        seen.add(name);
        queue.push(name);
      }
    }
  }
  return [...seen];
}

const buildManifest = JSON.parse(readFileSync(path.join(dist, 'build-manifest.json'), 'utf8')) as { rootMainFiles: string[] };
const routes = JSON.parse(readFileSync(path.join(dist, 'app-path-routes-manifest.json'), 'utf8')) as Record<string, string>;

type Row = { route: string; files: number; raw: number; gzip: number; lazyGzip: number; lazyFiles: string[] };
const rows: Row[] = [];
for (const [appPath, route] of Object.entries(routes)) {
  if (!appPath.endsWith('/page')) continue;
  const files = new Set([...buildManifest.rootMainFiles, ...entryFiles(appPath)]);
  const lazy = lazyFiles(files);
  rows.push({
    route,
    files: files.size,
    raw: [...files].reduce((n, f) => n + size(f).raw, 0),
    gzip: [...files].reduce((n, f) => n + size(f).gzip, 0),
    lazyGzip: lazy.reduce((n, f) => n + size(f).gzip, 0),
    lazyFiles: lazy,
  });
}
rows.sort((a, b) => a.route.localeCompare(b.route));
const baseline = rows.find((r) => r.route === BASELINE);
if (!baseline) throw new Error(`${BASELINE} is not in the build: it is the baseline`);

const failures: string[] = [];
const body = rows.map((r) => {
  const over = (r.gzip - baseline.gzip) / KiB;
  const budget = BUDGETS[r.route];
  let verdict = '';
  if (budget !== undefined) {
    verdict = over <= budget ? `≤ +${budget}: met` : `≤ +${budget}: **missed**`;
    if (over > budget) failures.push(`${r.route}: +${fmt(over, 1)} KiB over the baseline (budget +${budget} KiB)`);
  }
  return [
    r.route === BASELINE ? `**${r.route}** (baseline)` : r.route,
    r.files,
    fmt(r.raw / KiB, 1),
    fmt(r.gzip / KiB, 1),
    r.route === BASELINE ? '0' : `${over >= 0 ? '+' : ''}${fmt(over, 1)}`,
    r.lazyGzip ? fmt(r.lazyGzip / KiB, 1) : '–',
    verdict,
  ];
});
const summary = [
  '### First-load JavaScript per route',
  '',
  `${today()} · ${machine()} · \`npm run budget:js${dist === BENCH_DIST_DIR ? '' : ` -- --dist ${dist}`}\` (build in ${dist}; gzip level 9 per file)`,
  '',
  table(['Route', 'scripts', 'KiB raw', 'KiB gzip', 'Δ baseline KiB gzip', 'lazy KiB gzip', 'budget'], body),
  '',
  '"Lazy" = chunks named inside the first-load chunks but not loaded with the page (next/dynamic): for /dossiers/[id]/contacten that is the invite form (react-hook-form, zod). ' +
    "The `nomodule` polyfill file is not counted (modern browsers skip it). Checked against the served HTML: a page's `<script src>` tags are exactly these files plus that polyfill.",
].join('\n');
console.log(summary);
if (!values['no-doc']) writeDocBlock('budget:js', summary);
if (failures.length) {
  console.error(`\nJS budget exceeded:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
