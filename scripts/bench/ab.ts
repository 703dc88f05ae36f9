/**
 * `npm run bench:ab -- --b ../other-checkout [--path /dossiers/<dossier> --auth] [--rounds 8]`: one change
 * measured against the current code, side by side. Both checkouts' benchmark builds
 * (.next-bench, built here when missing or with --build) are served at once on the same
 * database and loaded in alternating rounds, so what else runs on the machine falls on both
 * alike. Pages that need a session get the centre staff member's (--auth). For the attempts
 * recorded in docs/PERFORMANCE.md; prints, writes nothing.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { keepOutput, processCpuMs, spawnNextServer, stopNextServer, waitForHealth } from '../lib/next-server';
import { BENCH_DIST_DIR, buildForBench } from './build';
import { drain, hammer, median, type Sample } from './measure';
import { fmt } from './report';
import { BENCH_DATA_DIR, staffCookie, startStack } from './stack';

const { values } = parseArgs({
  options: {
    b: { type: 'string' },
    path: { type: 'string', default: '/bench/control' },
    rounds: { type: 'string', default: '8' },
    duration: { type: 'string', default: '4' },
    connections: { type: 'string', default: '20' },
    auth: { type: 'boolean', default: false },
    build: { type: 'boolean', default: false },
    port: { type: 'string', default: '3360' },
  },
  strict: true,
});
if (!values.b) throw new Error('--b <folder of the other checkout> is required');
const other = path.resolve(values.b);
const port = Number(values.port);

for (const dir of [process.cwd(), other]) {
  if (values.build || !existsSync(path.join(dir, BENCH_DIST_DIR, 'BUILD_ID'))) {
    console.log(`[ab] next build in ${dir}`);
    await buildForBench(dir);
  }
}

// A is the bench stack itself (database, stand-in, this checkout's server); B is one more server on it.
const stack = await startStack({ dossiers: 1000, seed: 1, port, reuseDb: true, keepDb: true });
const bUrl = `http://127.0.0.1:${port + 4}`;
const bEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', APP_URL: bUrl, DIPLON_DATA_DIR: BENCH_DATA_DIR };
if (stack.database.driver === 'pglite') throw new Error('bench:ab needs PostgreSQL (DATABASE_URL): PGlite allows one server per database');
const bServer = spawnNextServer({ port: port + 4, dir: other, env: bEnv });
const bLog = keepOutput(bServer);
try {
  await waitForHealth(bUrl, bServer);
  const headers = values.auth ? { cookie: await staffCookie(stack.appUrl, stack.fixtures.staffSub) } : undefined;
  const servers = [
    { name: 'A (this checkout)', url: stack.appUrl, pid: stack.server.pid!, samples: [] as Sample[] },
    { name: `B (${path.relative(process.cwd(), other)})`, url: bUrl, pid: bServer.pid!, samples: [] as Sample[] },
  ];
  // '<dossier>' and '<attachment>' in --path stand for the bench's measured dossier and one of its files.
  const pagePath = values.path.replace('<dossier>', stack.fixtures.dossierId).replace('<attachment>', stack.fixtures.attachmentId);
  const target = { key: 'ab', label: values.path, path: pagePath, headers };
  for (const s of servers) {
    await hammer(s.url, target, Number(values.connections), 2);
    await drain(s.url);
  }
  for (let round = 1; round <= Number(values.rounds); round++) {
    for (const s of round % 2 ? servers : [...servers].reverse()) {
      const before = processCpuMs(s.pid);
      const sample = await hammer(s.url, target, Number(values.connections), Number(values.duration));
      await drain(s.url);
      sample.cpuMs = (processCpuMs(s.pid) - before) / Math.max(1, sample.requests);
      s.samples.push(sample);
      console.log(`[ab] round ${round} ${s.name}: ${fmt(sample.rps)} req/s, p95 ${fmt(sample.p95, 1)} ms, CPU ${fmt(sample.cpuMs, 2)} ms/req${sample.bad ? `, ${sample.bad} bad` : ''}`);
    }
  }
  const med = (s: (typeof servers)[number], f: (x: Sample) => number) => median(s.samples.map(f));
  const [a, b] = servers as [(typeof servers)[number], (typeof servers)[number]];
  console.log(`\n${values.path}, ${values.rounds} alternating rounds × ${values.duration} s, ${values.connections} connections (medians):`);
  for (const s of servers) console.log(`  ${s.name}: ${fmt(med(s, (x) => x.rps))} req/s, p95 ${fmt(med(s, (x) => x.p95), 1)} ms, CPU ${fmt(med(s, (x) => x.cpuMs ?? NaN), 2)} ms/req`);
  // Per-round ratios (B ÷ A of the same round) say more than the ratio of medians on a noisy machine.
  const ratios = a.samples.map((x, i) => b.samples[i]!.rps / x.rps);
  const cpuRatios = a.samples.map((x, i) => (b.samples[i]!.cpuMs ?? NaN) / (x.cpuMs ?? NaN));
  console.log(`  B ÷ A req/s: median ${fmt(median(ratios), 3)} (rounds ${ratios.map((r) => fmt(r, 2)).join(', ')})`);
  console.log(`  B ÷ A CPU/req: median ${fmt(median(cpuRatios), 3)}`);
} catch (error) {
  console.error(bLog());
  throw error;
} finally {
  await stopNextServer(bServer);
  await stack.stop();
}
process.exit(0);
