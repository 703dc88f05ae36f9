import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type Captured = { to: string; subject: string; html: string; text: string; raw: string; messageId: string };
export type CaptureMode = 'accept' | 'refuse' | 'drop-after-data';

/**
 * A real SMTP server on loopback that keeps what it receives (in memory, and as .eml files in
 * `dir` for tests in another process). Its mode lets tests simulate an outage.
 */
export async function startSmtpCapture({ port = 0, dir }: { port?: number; dir?: string } = {}) {
  const received: Captured[] = [];
  let mode: CaptureMode = 'accept';
  if (dir) mkdirSync(dir, { recursive: true });
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onConnect(_session, callback) {
      if (mode === 'refuse') return callback(Object.assign(new Error('421 service not available'), { responseCode: 421 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const parsed = await simpleParser(raw);
        const to = session.envelope.rcptTo.map((r) => r.address).join(', ');
        received.push({
          to,
          subject: parsed.subject ?? '',
          html: typeof parsed.html === 'string' ? parsed.html : '',
          text: parsed.text ?? '',
          raw,
          messageId: parsed.messageId ?? '',
        });
        if (dir) writeFileSync(path.join(dir, `${Date.now()}-${randomUUID().slice(0, 8)}.eml`), raw);
        if (mode === 'drop-after-data') {
          // Accepted and stored, but the client never hears "250": the connection just dies.
          (session as unknown as { socket?: { destroy(): void } }).socket?.destroy();
          return;
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  server.on('error', () => {});
  const actualPort = (server.server.address() as { port: number }).port;
  return {
    port: actualPort,
    url: `smtp://127.0.0.1:${actualPort}`,
    messages: () => [...received],
    async waitFor(predicate: (m: Captured) => boolean, timeoutMs = 10_000): Promise<Captured> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const hit = received.find(predicate);
        if (hit) return hit;
        if (Date.now() > deadline) throw new Error('no matching mail captured');
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    setMode(next: CaptureMode) {
      mode = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SmtpCapture = Awaited<ReturnType<typeof startSmtpCapture>>;
