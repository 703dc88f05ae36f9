import './lib/load-env';
import { parseArgs } from 'node:util';
import { configuredTarget, openDatabase } from '@/lib/db/client';
import { runMigrations } from '@/lib/db/migrate';
import { seedScale } from '@/tooling/demo/scale-seed';
import { seedDemo } from '@/tooling/demo/seed';
import { describeTarget } from './lib/describe-target';

// `npm run db:seed` loads the demo; `npm run db:seed -- --dossiers 100000 [--seed 1]` adds
// that many deterministic scale dossiers on top of it (for benchmarks).
const { values } = parseArgs({
  options: { dossiers: { type: 'string' }, seed: { type: 'string' } },
  strict: true,
});
const count = values.dossiers === undefined ? undefined : Number(values.dossiers);
const seed = values.seed === undefined ? undefined : Number(values.seed);
if (count !== undefined && (!Number.isInteger(count) || count < 0)) throw new Error('--dossiers verwacht een geheel getal ≥ 0');
if (seed !== undefined && !Number.isInteger(seed)) throw new Error('--seed verwacht een geheel getal');

// PGlite allows one process per folder: run this while the app is stopped.
const handle = openDatabase(configuredTarget());
try {
  await runMigrations(handle);
  await seedDemo(handle.db);
  console.log(`Demogegevens staan klaar in ${describeTarget(configuredTarget())}.`);
  if (count !== undefined) {
    const result = await seedScale(handle.db, { dossiers: count, seed, log: (m) => console.log(m) });
    const added = Object.entries(result.rows).map(([table, n]) => `${table} ${n}`).join(', ');
    console.log(`Schaalgegevens (seed ${result.seed}): ${result.existing} bestonden al, ${result.added} toegevoegd in ${(result.ms / 1000).toFixed(1)} s (${added}).`);
  }
} finally {
  await handle.close();
}
