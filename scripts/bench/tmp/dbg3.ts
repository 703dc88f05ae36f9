import { startStack } from '../stack';
import { hammer } from '../measure';
const path = process.argv[2] ?? '/bench/control';
const s = await startStack({ dossiers: 1000, seed: 1, port: 3300, reuseDb: true, keepDb: true, cpuProfDir: '/tmp/srvprof' });
const t = { key: 'x', label: 'x', path };
const r = await hammer(s.appUrl, t, 20, 10);
console.log(r.rps.toFixed(0), r.p50.toFixed(1), r.p95.toFixed(1));
await s.stop(); process.exit(0);
