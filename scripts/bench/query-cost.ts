/**
 * `tsx scripts/bench/query-cost.ts [--dossiers 1000]`: what one database round trip costs the
 * Node process on this machine (client CPU and wall time per query, sequential), through the
 * app's own drizzle handle: a primary-key select and the audit insert every dossier view makes.
 * Uses the bench database of that scale (PostgreSQL when DATABASE_URL is set, else PGlite).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_DATA_DIR } from './stack';

const { values } = parseArgs({ options: { dossiers: { type: 'string', default: '1000' }, n: { type: 'string', default: '2000' } }, strict: true });
process.env.APP_ENV ??= 'test';
process.env.DIPLON_DATA_DIR = BENCH_DATA_DIR;
const { openDatabase } = await import('@/lib/db/client');
const { auditEvents, dossiers } = await import('@/lib/db/schema');
const { eq } = await import('drizzle-orm');

let target: { url: string } | { pgliteDir: string };
if (process.env.DATABASE_URL) {
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/diplon_bench_${values.dossiers}`;
  target = { url: url.toString() };
} else {
  target = { pgliteDir: path.join(BENCH_DATA_DIR, `pglite-${values.dossiers}`) };
}
const handle = openDatabase(target);
const n = Number(values.n);
try {
  const [dossier] = await handle.db.select({ id: dossiers.id }).from(dossiers).limit(1);
  if (!dossier) throw new Error('the bench database is empty: run npm run bench -- --keep-db first');
  const cases = [
    ['select one row by primary key', () => handle.db.select().from(dossiers).where(eq(dossiers.id, dossier.id)).limit(1)],
    ['insert one audit event', () => handle.db.insert(auditEvents).values({ action: 'dossier_viewed', dossierId: dossier.id, origin: 'query-cost' })],
  ] as const;
  for (const [label, run] of cases) {
    for (let i = 0; i < 200; i++) await run();
    const cpu = process.cpuUsage();
    const started = performance.now();
    for (let i = 0; i < n; i++) await run();
    const used = process.cpuUsage(cpu);
    const wall = performance.now() - started;
    console.log(`${handle.driver}: ${label}: ${(wall / n).toFixed(2)} ms wall, ${((used.user + used.system) / 1000 / n).toFixed(2)} ms client CPU per query`);
  }
} finally {
  await handle.close();
}
