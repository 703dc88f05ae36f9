/**
 * `tsx scripts/bench/profile-summary.ts <file.cpuprofile> [top]`: where a V8 CPU profile spent
 * its time, by function (self time) and by package (self time of all its functions).
 */
import { readFileSync } from 'node:fs';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

export function summarize(file: string, top = 25): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fn = new Map<string, number>();
  const pkg = new Map<string, number>();
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const where = url.replace(/^file:\/\//, '').replace(process.cwd(), '.');
    const key = `${functionName || '(anonymous)'} ${where.split('/').slice(-3).join('/')}:${lineNumber + 1}`;
    fn.set(key, (fn.get(key) ?? 0) + us);
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(where);
    const group = functionName === '(idle)' ? '(idle)' : m ? m[1]! : where.startsWith('node:') || where === '' ? `(${functionName.startsWith('(') ? functionName.slice(1, -1) : 'node internals'})` : where.includes('.next') ? '(app bundle)' : where;
    pkg.set(group, (pkg.get(group) ?? 0) + us);
  }
  const pct = (us: number) => `${((100 * us) / total).toFixed(1)}%`.padStart(6);
  const lines = [`${file}: ${(total / 1e6).toFixed(1)} s sampled`, '', 'By package:'];
  for (const [k, us] of [...pkg].sort((a, b) => b[1] - a[1]).slice(0, 15)) lines.push(`${pct(us)}  ${k}`);
  lines.push('', 'By function (self):');
  for (const [k, us] of [...fn].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`${pct(us)}  ${k}`);
  return lines.join('\n');
}

if (process.argv[1]?.endsWith('profile-summary.ts')) {
  const [file, top] = process.argv.slice(2);
  if (!file) throw new Error('usage: tsx scripts/bench/profile-summary.ts <file.cpuprofile> [top]');
  console.log(summarize(file, Number(top ?? 25)));
}
