/**
 * `next start` on the production build, as the e2e stack, the benchmark and the reliability
 * run start it: a child process on loopback, healthy once /api/health answers 200.
 */
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export type NextServerOptions = {
  port: number;
  env: NodeJS.ProcessEnv;
  /** 'inherit' for the e2e stack; 'pipe' to keep the output (see `keepOutput`). */
  stdio?: StdioOptions;
  /** Write a V8 CPU profile of next-server into this folder when it stops. */
  cpuProfDir?: string;
  /** The app's folder when it is not the working directory (the benchmark's floor apps). */
  dir?: string;
};

export function spawnNextServer(options: NextServerOptions): ChildProcess {
  return spawn(
    process.execPath,
    [
      ...(options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : []),
      path.resolve('node_modules/next/dist/bin/next'),
      'start',
      ...(options.dir ? [options.dir] : []),
      '-H',
      '127.0.0.1',
      '-p',
      String(options.port),
    ],
    { stdio: options.stdio ?? ['ignore', 'pipe', 'pipe'], env: options.env },
  );
}

/** The server's recent console output (last `lines` chunks), for error messages. */
export function keepOutput(server: ChildProcess, lines = 200): () => string {
  const log: string[] = [];
  const keep = (chunk: Buffer) => {
    log.push(chunk.toString());
    if (log.length > lines) log.shift();
  };
  server.stdout?.on('data', keep);
  server.stderr?.on('data', keep);
  return () => log.join('');
}

export async function waitForHealth(appUrl: string, server: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start stopped (exit ${server.exitCode})`);
    try {
      const response = await fetch(`${appUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error('next start did not become healthy in time');
}

/** SIGTERM, then SIGKILL after `graceMs`. */
export async function stopNextServer(server: ChildProcess, graceMs = 10_000): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, graceMs))]);
  if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
}

function readStatusKiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

function descendants(pid: number): number[] {
  const out: number[] = [];
  const walk = (p: number) => {
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${p}/task`);
    } catch {
      return;
    }
    for (const task of tasks) {
      let children = '';
      try {
        children = readFileSync(`/proc/${p}/task/${task}/children`, 'utf8');
      } catch {
        continue;
      }
      for (const c of children.split(/\s+/).filter(Boolean).map(Number)) {
        out.push(c);
        walk(c);
      }
    }
  };
  walk(pid);
  return out;
}

/** Resident memory of a process and its children (next start runs next-server as one), in MiB. */
export function processMemory(pid: number): { rssMiB: number; hwmMiB: number } {
  const pids = [pid, ...descendants(pid)];
  const sum = (field: 'VmRSS' | 'VmHWM') => pids.reduce((s, p) => s + readStatusKiB(p, field), 0) / 1024;
  return { rssMiB: sum('VmRSS'), hwmMiB: sum('VmHWM') };
}

/**
 * CPU time (user + system) a process and its children have used so far, in ms, from
 * /proc/<pid>/stat (clock ticks of 10 ms). Divided by the requests served in a window it gives
 * CPU per request, which other work on a shared machine does not inflate the way it inflates
 * wall-clock latency (0 where /proc is missing).
 */
export function processCpuMs(pid: number): number {
  let ticks = 0;
  for (const p of [pid, ...descendants(pid)]) {
    try {
      // Fields after the command name (which may contain spaces): utime is the 12th, stime the 13th.
      const fields = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process has gone
    }
  }
  return ticks * 10;
}
