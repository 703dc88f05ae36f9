import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** The import directions of docs/ARCHITECTURE.md, checked on the source (static and dynamic imports). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]!);
}

function offenders(dir: string, forbidden: (specifier: string, file: string) => boolean): string[] {
  return sources(dir).flatMap((file) => importsOf(file).filter((s) => forbidden(s, file)).map((s) => `${file} → ${s}`));
}

describe('import directions (docs/ARCHITECTURE.md)', () => {
  it('components never import routes', () => {
    expect(offenders('components', (s) => s.startsWith('@/app/'))).toEqual([]);
  });

  it('the domain never imports routes, components or tooling (but the embedded database’s demo seed at start)', () => {
    const allowed = (s: string, file: string) => file === path.join('lib', 'server', 'start.ts') && s === '@/tooling/demo/seed';
    expect(offenders('lib', (s, file) => /^@\/(app|components|tooling)\//.test(s) && !allowed(s, file))).toEqual([]);
  });

  it('lib/db imports no domain folder', () => {
    const own = (s: string) => !s.startsWith('@/') && !s.startsWith('.') ? true : /^(@\/lib\/(db|codes|config)\b|\.\/|\.\.\/codes$)/.test(s);
    expect(offenders(path.join('lib', 'db'), (s) => !own(s))).toEqual([]);
  });

  it('lib/codes.ts imports nothing, so the browser can take it', () => {
    expect(importsOf(path.join('lib', 'codes.ts'))).toEqual([]);
  });

  it('schemas the browser imports take z from lib/forms/zod (zod would otherwise probe for eval, a CSP violation)', () => {
    const clientFiles = sources('components').filter((file) => readFileSync(file, 'utf8').startsWith("'use client'"));
    const reached = new Set(
      clientFiles.flatMap((file) =>
        importsOf(file)
          .filter((s) => s.startsWith('@/lib/'))
          .flatMap((s) => ['.ts', '.tsx'].map((ext) => `${s.slice(2)}${ext}`))
          .filter((candidate) => { try { return statSync(candidate).isFile(); } catch { return false; } }),
      ),
    );
    const direct = [...reached].filter((file) => /^import \{[^}]*\bz\b[^}]*\} from 'zod';$/m.test(readFileSync(file, 'utf8')));
    expect(reached.size).toBeGreaterThan(0);
    expect(direct).toEqual([]);
  });

  it('tooling never imports routes or components', () => {
    expect(offenders('tooling', (s) => /^@\/(app|components)\//.test(s))).toEqual([]);
  });
});
