/**
 * Peak memory of `next start` under large anonymous request bodies (issue 22, point 5):
 * `concurrency` clients at once each POST `mb` MiB (multipart, with Content-Length, no session),
 * as a server action (Next-Action header) to a dossier page and as a plain form post to `/`.
 * Prints next-server's RSS before, its peak (VmHWM and sampled RSS), the answers' statuses, and
 * how long the burst took. PGlite in a folder of its own under .data/, APP_ENV=test.
 *
 *   npx tsx scripts/reliability/body-memory.ts [--dist .next] [--port 3329] [--mb 50] [--concurrency 20]
 */
import { mkdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { authUrlFor } from '../lib/auth-url';
import { keepOutput, processMemory, spawnNextServer, stopNextServer, waitForHealth } from '../lib/next-server';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: '.next' },
    port: { type: 'string', default: '3329' },
    mb: { type: 'string', default: '50' },
    concurrency: { type: 'string', default: '20' },
  },
});
const port = Number(values.port);
const bytes = Number(values.mb) * 1024 * 1024;
const concurrency = Number(values.concurrency);
const appUrl = `http://localhost:${port}`;
const dataDir = path.resolve(`.data/body-memory-${port}`);
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });

const server = spawnNextServer({
  port,
  env: {
    ...process.env,
    APP_ENV: 'test',
    NODE_ENV: 'production',
    APP_URL: appUrl,
    AUTH_URL: authUrlFor(appUrl),
    DIPLON_DATA_DIR: dataDir,
    NEXT_DIST_DIR: values.dist,
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: '',
  },
});
const output = keepOutput(server);

/** One raw POST over a socket: headers, then `bytes` of body in 64 KiB writes; resolves with the status (or the error). */
function post(pathName: string, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const boundary = 'x'.repeat(16);
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="groot.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
    const tail = `\r\n--${boundary}--\r\n`;
    const total = Buffer.byteLength(head) + bytes + Buffer.byteLength(tail);
    let answered = false;
    socket.setTimeout(120_000);
    socket.on('data', (chunk) => {
      if (answered) return;
      answered = true;
      resolve(/^HTTP\/1\.1 (\d{3})/.exec(chunk.toString('latin1'))?.[1] ?? 'no status');
      socket.destroy();
    });
    socket.on('error', (e) => !answered && ((answered = true), resolve(`error ${(e as NodeJS.ErrnoException).code ?? e.message}`)));
    socket.on('timeout', () => !answered && ((answered = true), resolve('timeout'), socket.destroy()));
    socket.on('close', () => !answered && ((answered = true), resolve('closed')));
    socket.on('connect', async () => {
      const lines = [
        `POST ${pathName} HTTP/1.1`,
        `Host: localhost:${port}`,
        `Origin: ${appUrl}`,
        `Content-Type: multipart/form-data; boundary=${boundary}`,
        `Content-Length: ${total}`,
        ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
        'Connection: close',
        '',
        '',
      ];
      socket.write(lines.join('\r\n'));
      socket.write(head);
      const chunk = Buffer.alloc(64 * 1024, 0x41);
      for (let sent = 0; sent < bytes && !answered; sent += chunk.length) {
        if (!socket.write(chunk.subarray(0, Math.min(chunk.length, bytes - sent)))) await new Promise((r) => socket.once('drain', r));
      }
      if (!answered) socket.write(tail);
    });
  });
}

try {
  await waitForHealth(appUrl, server);
  // Warm the routes the burst hits.
  await fetch(`${appUrl}/`);
  await fetch(`${appUrl}/dossiers/00000000-0000-4000-8000-000000000000`);
  const before = processMemory(server.pid!);
  let peakRss = before.rssMiB;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, processMemory(server.pid!).rssMiB)), 25);
  const started = Date.now();
  const statuses = await Promise.all(
    Array.from({ length: concurrency }, (_, i) =>
      i % 2 === 0 ? post('/dossiers/00000000-0000-4000-8000-000000000000', { 'Next-Action': '7f'.padEnd(42, '0') }) : post('/', {}),
    ),
  );
  const ms = Date.now() - started;
  clearInterval(sampler);
  const after = processMemory(server.pid!);
  const count = statuses.reduce<Record<string, number>>((acc, s) => ((acc[s] = (acc[s] ?? 0) + 1), acc), {});
  console.log(
    JSON.stringify({ dist: values.dist, mb: Number(values.mb), concurrency, rssBeforeMiB: Math.round(before.rssMiB), peakRssMiB: Math.round(peakRss), hwmMiB: Math.round(after.hwmMiB), rssAfterMiB: Math.round(after.rssMiB), statuses: count, ms }),
  );
} catch (error) {
  console.error(error, output());
  process.exitCode = 1;
} finally {
  await stopNextServer(server);
  rmSync(dataDir, { recursive: true, force: true });
}
