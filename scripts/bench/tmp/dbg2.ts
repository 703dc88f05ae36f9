import { startStack } from '../stack';
import { hammer } from '../measure';
const s = await startStack({ dossiers: 1000, seed: 1, port: 3300, reuseDb: true, keepDb: true });
const t = { key: 'control', label: 'c', path: '/bench/control' };
for (const c of [1, 5, 20]) {
  for (let i = 0; i < 2; i++) {
    const r = await hammer(s.appUrl, t, c, 5);
    console.log(c, r.rps.toFixed(0), r.p50.toFixed(1), r.p95.toFixed(1));
  }
}
const h = { key: 'health', label: 'h', path: '/api/health' };
console.log('health', (await hammer(s.appUrl, h, 20, 5)).rps.toFixed(0));
console.log(s.memory());
await s.stop(); process.exit(0);
