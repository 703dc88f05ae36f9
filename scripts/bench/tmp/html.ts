import { startStack, staffCookie } from '../stack';
const s = await startStack({ dossiers: 1000, seed: 1, port: 3300, reuseDb: true, keepDb: true });
const cookie = await staffCookie(s.appUrl, s.fixtures.staffSub);
for (const [p, c] of [['/bench/control', ''], [`/uitnodiging/${s.fixtures.token}`, ''], [`/dossiers/${s.fixtures.dossierId}/contacten`, cookie], ['/aanmelden', ''], [`/dossiers/${s.fixtures.dossierId}`, cookie]] as const) {
  const html = await (await fetch(s.appUrl + p, { headers: c ? { cookie: c } : {} })).text();
  const srcs = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map(m => m[1]);
  const all = [...new Set([...html.matchAll(/static\/chunks\/[\w.-]+\.js/g)].map(m => m[0]))];
  console.log(p.slice(0, 30), '\n  src:', srcs.join(' '), '\n  all:', all.join(' '));
}
await s.stop(); process.exit(0);
