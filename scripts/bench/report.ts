import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';

export const PERFORMANCE_DOC = 'docs/PERFORMANCE.md';
export const RESULTS_DIR = path.resolve('.data/bench/results');

export function machine(): string {
  const list = cpus();
  return `${list.length} cores (${list[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}`;
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Replaces the block between `<!-- <name> -->` and `<!-- /<name> -->` in docs/PERFORMANCE.md
 * (appending it at the end when it is not there yet), so each command rewrites only its own
 * figures and the hand-written analysis around them stays.
 */
export function writeDocBlock(name: string, markdown: string): void {
  const start = `<!-- ${name} -->`;
  const end = `<!-- /${name} -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  mkdirSync(path.dirname(PERFORMANCE_DOC), { recursive: true });
  const doc = existsSync(PERFORMANCE_DOC) ? readFileSync(PERFORMANCE_DOC, 'utf8') : '# Performance and mobile budgets\n';
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  const next = from >= 0 && to > from ? `${doc.slice(0, from)}${block}${doc.slice(to + end.length)}` : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(PERFORMANCE_DOC, next);
}

export function saveResults(name: string, data: unknown): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}

export function loadResults<T>(name: string): T | undefined {
  const file = path.join(RESULTS_DIR, `${name}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
}

export const fmt = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : '–');

export function table(head: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}
