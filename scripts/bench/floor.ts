/**
 * The framework's floor beside the product: the same Next and React, a dynamic page with the
 * control page's content, a layout with nothing in it, and no proxy ('bare'); and the same
 * with a nonce-CSP proxy and nothing else ('bare-csp'). The sources live in scripts/bench/floor/
 * (plain .jsx, outside the product's tsconfig and route table); each variant is copied into
 * .data/bench/floor/<variant>, built there with `next build` and served with `next start`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { keepOutput, processMemory, spawnNextServer, stopNextServer, waitForHealth } from '../lib/next-server';

export const FLOOR_VARIANTS = ['bare', 'bare-csp'] as const;
export type FloorVariant = (typeof FLOOR_VARIANTS)[number];

const SOURCE = path.resolve('scripts/bench/floor-app');
const floorDir = (variant: FloorVariant) => path.resolve('.data/bench/floor', variant);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? sourceFiles(file) : [file];
  });
}

/** Changes when the floor's sources, Next or React change: then the variant is built again. */
function fingerprint(): string {
  const hash = createHash('sha256');
  for (const file of sourceFiles(SOURCE).sort()) hash.update(file).update(readFileSync(file));
  for (const pkg of ['next', 'react', 'react-dom']) hash.update(readFileSync(path.resolve('node_modules', pkg, 'package.json')));
  return hash.digest('hex');
}

function run(args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.resolve('node_modules/next/dist/bin/next'), ...args], {
      cwd,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`next ${args[0]} in ${cwd} failed (exit ${code})`))));
  });
}

/** Copies and builds a variant unless its last build came from the same sources. Resolves with the build time (0 when reused). */
export async function buildFloor(variant: FloorVariant, force = false): Promise<number> {
  const dir = floorDir(variant);
  const stamp = path.join(dir, '.fingerprint');
  const wanted = fingerprint();
  if (!force && existsSync(path.join(dir, '.next', 'BUILD_ID')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return 0;
  const started = performance.now();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(path.join(SOURCE, 'app'), path.join(dir, 'app'), { recursive: true });
  for (const file of ['next.config.mjs', 'instrumentation.js']) cpSync(path.join(SOURCE, file), path.join(dir, file));
  if (variant === 'bare-csp') cpSync(path.join(SOURCE, 'proxy.csp.js'), path.join(dir, 'proxy.js'));
  console.log(`[bench] next build of the floor (${variant}) → ${path.relative(process.cwd(), dir)}`);
  await run(['build'], dir);
  writeFileSync(stamp, wanted);
  return performance.now() - started;
}

export type FloorServer = { variant: FloorVariant; url: string; server: ChildProcess; log(): string; memory(): { rssMiB: number; hwmMiB: number }; stop(): Promise<void> };

export async function startFloor(variant: FloorVariant, port: number, cpuProfDir?: string): Promise<FloorServer> {
  const url = `http://127.0.0.1:${port}`;
  const server = spawnNextServer({
    port,
    dir: floorDir(variant),
    cpuProfDir,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  });
  const log = keepOutput(server);
  try {
    await waitForHealth(url, server);
  } catch (error) {
    server.kill('SIGTERM');
    console.error(log());
    throw error;
  }
  return { variant, url, server, log, memory: () => processMemory(server.pid!), stop: () => stopNextServer(server) };
}
