/**
 * `npm run bench:lighthouse [-- --dossiers 1000 --runs 1]`: Lighthouse 12 (mobile, its default
 * simulated throttling) against the production build in .next-bench on Debian's Chromium:
 * the framework's floor (the bare Next app's page, scripts/bench/floor.ts), '/aanmelden', the
 * invitation landing page and a dossier page (as centre staff, the session cookie sent as an
 * extra header), in one run. Scores, the failing audits and each page's distance to the bare
 * page go to docs/PERFORMANCE.md.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { buildForBench, hasBenchBuild } from './build';
import { buildFloor, startFloor } from './floor';
import { median } from './measure';
import { fmt, machine, RESULTS_DIR, saveResults, table, today, writeDocBlock } from './report';
import { staffCookie, startStack } from './stack';
import { CHROMIUM_ARGS, chromiumPath } from '../../tests/e2e/support/chromium';

const { values } = parseArgs({
  options: {
    dossiers: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    port: { type: 'string', default: '3310' },
    runs: { type: 'string', default: '1' },
    build: { type: 'boolean', default: false },
    'fresh-db': { type: 'boolean', default: false },
    'no-doc': { type: 'boolean', default: false },
  },
  strict: true,
});
const runs = Math.max(1, Number(values.runs));
const port = Number(values.port);
if (port < 3300 || port > 3396) throw new Error('--port: use 3300–3396');

const CHROMIUM_FLAGS = ['--headless', ...CHROMIUM_ARGS];

if (values.build || !hasBenchBuild()) await buildForBench();
await buildFloor('bare');
const floor = await startFloor('bare', port + 2);
const stack = await startStack({
  dossiers: Number(values.dossiers),
  seed: Number(values.seed),
  port,
  reuseDb: !values['fresh-db'],
  keepDb: true,
});

type Category = 'performance' | 'accessibility' | 'best-practices';
const CATEGORIES: Category[] = ['performance', 'accessibility', 'best-practices'];
type PageResult = {
  key: string;
  label: string;
  scores: Record<Category, number>;
  metrics: Record<string, number>;
  /** Lighthouse's own measure of the host CPU (its throttling assumes a fast desktop, ~1000+). */
  benchmarkIndex: number;
  findings: { category: Category; id: string; title: string; score: number | null; display?: string; items: string[] }[];
};
const results: PageResult[] = [];

/** One line for an audit's detail item: the element, the resource, or the reason. */
function describeItem(item: Record<string, unknown>): string {
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const node = item.node as { snippet?: string } | undefined;
  const location = item.sourceLocation as { url?: string } | undefined;
  if (node?.snippet) return node.snippet;
  if (str(item.groupLabel)) return `${item.groupLabel} ${Math.round(Number(item.duration))} ms`;
  if (str(item.reason)) return str(item.reason)!;
  const url = str(item.url) ?? location?.url;
  const text = str(item.description);
  if (url && text) return `${text} (${url})`;
  if (url) return `${url}${typeof item.wastedBytes === 'number' ? ` (${Math.round(item.wastedBytes / 1024)} KiB unused)` : ''}`;
  return text ?? JSON.stringify(item).slice(0, 160);
}

// A first, discarded run warms the server; it gets its own browser so that nothing it cached
// (a missing favicon, say) hides a finding from the measured runs.
const warm = await chromeLauncher.launch({ chromePath: chromiumPath() ?? '/usr/bin/chromium', chromeFlags: CHROMIUM_FLAGS });
try {
  await lighthouse(`${stack.appUrl}/bench/control`, { port: warm.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
} finally {
  await warm.kill();
}
const chrome = await chromeLauncher.launch({ chromePath: chromiumPath() ?? '/usr/bin/chromium', chromeFlags: CHROMIUM_FLAGS });
try {
  const cookie = await staffCookie(stack.appUrl, stack.fixtures.staffSub);
  const pages = [
    { key: 'bare', label: 'Bare Next app (the floor)', path: '/bench/control', origin: floor.url, cookie: undefined },
    { key: 'aanmelden', label: "'/aanmelden'", path: '/aanmelden', cookie: undefined },
    { key: 'uitnodiging', label: 'Invitation landing page', path: `/uitnodiging/${stack.fixtures.token}`, cookie: undefined },
    { key: 'dossier', label: 'Dossier page (centre staff)', path: `/dossiers/${stack.fixtures.dossierId}`, cookie },
  ];
  for (const page of pages) {
    const reports: NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'][] = [];
    // Lighthouse now and then fails to record a trace (NO_NAVSTART): that run is repeated, twice at most.
    for (let run = 0, retries = 0; run < runs; run++) {
      const result = await lighthouse(`${'origin' in page ? page.origin : stack.appUrl}${page.path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: CATEGORIES,
        ...(page.cookie ? { extraHeaders: { Cookie: page.cookie } } : {}),
      });
      if (!result) throw new Error(`Lighthouse gave no result for ${page.path}`);
      if (result.lhr.runtimeError && retries < 2) {
        console.warn(`[lighthouse] ${page.label}: ${result.lhr.runtimeError.code}, run repeated`);
        retries++;
        run--;
        continue;
      }
      if (result.lhr.runtimeError) throw new Error(`${page.path}: ${result.lhr.runtimeError.message}`);
      reports.push(result.lhr);
      writeFileSync(path.join(RESULTS_DIR, `lighthouse-${page.key}-${run + 1}.json`), result.report as string);
    }
    const lhr = reports[0]!;
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, median(reports.map((r) => (r.categories[c]?.score ?? NaN) * 100))])) as Record<Category, number>;
    const metric = (id: string) => median(reports.map((r) => r.audits[id]?.numericValue ?? NaN));
    const findings: PageResult['findings'] = [];
    for (const category of CATEGORIES) {
      for (const ref of lhr.categories[category]?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (!audit || audit.score === null || audit.score >= 0.9 || audit.scoreDisplayMode === 'informative' || audit.scoreDisplayMode === 'notApplicable' || audit.scoreDisplayMode === 'manual') continue;
        const details = audit.details as { items?: Record<string, unknown>[] } | undefined;
        const items = (details?.items ?? []).slice(0, 4).map((item) => describeItem(item).replace(stack.fixtures.token, '<token>').replace(/\s+/g, ' ').slice(0, 200));
        findings.push({ category, id: ref.id, title: audit.title, score: audit.score, display: audit.displayValue, items });
      }
    }
    results.push({
      key: page.key,
      label: page.label,
      scores,
      metrics: {
        fcp: metric('first-contentful-paint'),
        lcp: metric('largest-contentful-paint'),
        tbt: metric('total-blocking-time'),
        cls: metric('cumulative-layout-shift'),
        si: metric('speed-index'),
      },
      findings,
      benchmarkIndex: median(reports.map((r) => r.environment.benchmarkIndex)),
    });
    console.log(`[lighthouse] ${page.label}: ${CATEGORIES.map((c) => `${c} ${fmt(scores[c])}`).join(', ')}`);
  }
} finally {
  await chrome.kill();
  await floor.stop();
  await stack.stop();
}

const bareScore = results.find((r) => r.key === 'bare')!.scores.performance;
const rows = results.map((r) => [
  r.label,
  fmt(r.scores.performance),
  r.key === 'bare' ? '–' : fmt(r.scores.performance - bareScore),
  fmt(r.scores.accessibility),
  fmt(r.scores['best-practices']),
  fmt(r.metrics.fcp! / 1000, 1),
  fmt(r.metrics.lcp! / 1000, 1),
  fmt(r.metrics.tbt!),
  fmt(r.metrics.cls!, 3),
  fmt(r.metrics.si! / 1000, 1),
  fmt(r.benchmarkIndex),
]);
const findingLines = results.flatMap((r) =>
  r.findings.length === 0
    ? [`- ${r.label}: no failing audit.`]
    : [
        `- ${r.label}:`,
        ...r.findings.map(
          (f) => `  - [${f.category}] \`${f.id}\` ${f.title}${f.display ? ` (${f.display})` : ''}${f.items.length ? `: ${f.items.map((i) => `\`${i.replace(/`/g, "'")}\``).join('; ')}` : ''}`,
        ),
      ],
);
const summary = [
  `### Lighthouse (mobile)`,
  '',
  `${today()} · ${machine()} · \`npm run bench:lighthouse${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\` · Lighthouse 12.2.3, Debian Chromium headless, default mobile config (simulated throttling), median of ${runs} run(s) · ${stack.database.redacted}`,
  '',
  table(['Page', 'Performance', 'Δ to bare', 'Accessibility', 'Best practices', 'FCP s', 'LCP s', 'TBT ms', 'CLS', 'Speed index s', 'benchmarkIndex'], rows),
  '',
  `Goal: performance within 3 points of the bare page in the same run — ${results
    .filter((r) => r.key === 'aanmelden' || r.key === 'uitnodiging')
    .map((r) => `${r.label} ${r.scores.performance - bareScore >= -3 ? 'met' : '**missed**'} (${fmt(r.scores.performance - bareScore)})`)
    .join(', ')}.`,
  '',
  'Audits scoring below 0.9 (first run):',
  '',
  ...findingLines,
].join('\n');
console.log(`\n${summary}`);
saveResults('lighthouse', { date: new Date().toISOString(), machine: machine(), results });
if (!values['no-doc']) writeDocBlock('lighthouse', summary);
process.exit(0);
