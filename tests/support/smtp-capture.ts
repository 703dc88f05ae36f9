import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser, type AddressObject, type Headers } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type Captured = {
  /** Addresses in the To header. */
  to: string[];
  subject: string;
  html: string;
  text: string;
  headers: Headers;
  messageId: string;
  raw: string;
};

/**
 * accept: store and answer 250. refuse: answer 421 on connect (an outage).
 * drop-after-data: store the message, then cut the connection before answering, as a server
 * that crashed between accepting DATA and its "250" would.
 */
export type CaptureMode = 'accept' | 'refuse' | 'drop-after-data';

export type SmtpCapture = {
  port: number;
  url: string;
  messages(): Promise<Captured[]>;
  waitFor(predicate: (mail: Captured) => boolean, timeoutMs?: number): Promise<Captured>;
  setMode(mode: CaptureMode): void;
  close(): Promise<void>;
};

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((a) => a.value.map((v) => v.address ?? '')).filter(Boolean);
}

export async function parseCaptured(raw: string): Promise<Captured> {
  const parsed = await simpleParser(raw);
  return {
    to: addresses(parsed.to),
    subject: parsed.subject ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : '',
    text: parsed.text ?? '',
    headers: parsed.headers,
    messageId: parsed.messageId ?? '',
    raw,
  };
}

/** What a capture in another process stored in `dir` (one .eml per message, oldest first). */
export async function readCapturedDir(dir: string): Promise<Captured[]> {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.eml')).sort();
  } catch {
    return [];
  }
  return Promise.all(files.map((f) => parseCaptured(readFileSync(path.join(dir, f), 'utf8'))));
}

/**
 * A real SMTP server on loopback (no AUTH, no TLS) that keeps what it receives: in memory, and
 * as raw .eml files in `dir` when given. Its mode simulates outages.
 */
export async function startSmtpCapture({ port = 0, dir }: { port?: number; dir?: string } = {}): Promise<SmtpCapture> {
  const received: Promise<Captured>[] = [];
  let mode: CaptureMode = 'accept';
  let sequence = 0;
  if (dir) mkdirSync(dir, { recursive: true });

  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    disableReverseLookup: true,
    logger: false,
    onConnect(_session, callback) {
      if (mode === 'refuse') return callback(Object.assign(new Error('Service not available, try later'), { responseCode: 421 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push(parseCaptured(raw));
        if (dir) {
          const name = `${Date.now()}-${String(++sequence).padStart(6, '0')}-${randomUUID().slice(0, 8)}.eml`;
          writeFileSync(path.join(dir, name), raw);
        }
        if (mode === 'drop-after-data') {
          for (const connection of server.connections) {
            if (connection.session.id === session.id) connection._socket.destroy();
          }
          return;
        }
        callback();
      });
    },
  });
  server.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actualPort = (server.server.address() as { port: number }).port;

  const messages = () => Promise.all(received);
  return {
    port: actualPort,
    url: `smtp://127.0.0.1:${actualPort}`,
    messages,
    async waitFor(predicate, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const hit = (await messages()).find(predicate);
        if (hit) return hit;
        if (Date.now() > deadline) throw new Error(`no matching mail captured within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    setMode(next) {
      mode = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
