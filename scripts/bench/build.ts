import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Benchmarks never build into `.next`: another process may be testing against it. */
export const BENCH_DIST_DIR = '.next-bench';

/**
 * `next build` rewrites tsconfig.json (adds `<distDir>/types` to include) and next-env.d.ts
 * (imports `<distDir>/types`). With a second distDir both would then point at two copies of
 * the same global route types, which breaks `tsc` for everyone else. Put them back.
 */
function guardSharedFiles(cwd: string): () => void {
  const files = ['tsconfig.json', 'next-env.d.ts'].map((f) => path.join(cwd, f)).filter((f) => existsSync(f));
  const before = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
  return () => {
    for (const [file, original] of before) {
      const now = readFileSync(file, 'utf8');
      if (now === original) continue;
      if (now.includes(BENCH_DIST_DIR)) {
        writeFileSync(file, original);
      } else {
        console.warn(`[bench] ${file} changed during the build (not by us?): left as it is`);
      }
    }
  };
}

export function hasBenchBuild(): boolean {
  return existsSync(path.join(BENCH_DIST_DIR, 'BUILD_ID'));
}

/** A production build into `.next-bench` (of this checkout, or of another at `cwd`), output to the console. Resolves with the time taken. */
export async function buildForBench(cwd = process.cwd()): Promise<number> {
  const started = performance.now();
  const restore = guardSharedFiles(cwd);
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(cwd, 'node_modules/next/dist/bin/next'), 'build'], {
        cwd,
        stdio: 'inherit',
        env: { ...process.env, NEXT_DIST_DIR: BENCH_DIST_DIR, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production', DIPLON_BENCH_BUILD: '1' },
      });
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`next build failed (exit ${code})`))));
    });
  } finally {
    restore();
  }
  return performance.now() - started;
}
