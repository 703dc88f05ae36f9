import { reportDatabaseError } from '@/lib/db/availability';
import { db } from '@/lib/db/client';
import { deliverDueMails } from './deliver-due-mails';
import { mailTransport, type MailTransport } from './transport';

const BATCH = 10;

type Worker = { timer: NodeJS.Timeout; transport: MailTransport; running: boolean; again: boolean };
const registry = globalThis as typeof globalThis & { __diplonOutboxWorker?: Worker };

async function runPasses(worker: Worker): Promise<void> {
  if (worker.running) {
    worker.again = true;
    return;
  }
  worker.running = true;
  try {
    do {
      worker.again = false;
      const tally = await deliverDueMails(db(), { transport: worker.transport, batch: BATCH });
      // A full batch means more may be due: go on instead of waiting for the next tick.
      if (tally.sent + tally.failed + tally.retried >= BATCH) worker.again = true;
    } while (worker.again);
  } catch (error) {
    reportDatabaseError(error);
    console.error(`[outbox] pass failed: ${(error as Error).message?.split('\n')[0]}`);
  } finally {
    worker.running = false;
  }
}

/**
 * Starts this process's outbox worker, once (kept on globalThis across hot reloads): a pass
 * every `intervalMs`, never two passes at the same time, errors logged and never thrown.
 * The timer does not keep the process alive.
 */
export function startOutboxWorker({ intervalMs = 5_000 }: { intervalMs?: number } = {}): void {
  if (registry.__diplonOutboxWorker) return;
  const worker: Worker = { timer: undefined as unknown as NodeJS.Timeout, transport: mailTransport(), running: false, again: false };
  worker.timer = setInterval(() => void runPasses(worker), intervalMs);
  worker.timer.unref();
  registry.__diplonOutboxWorker = worker;
}

/** Runs a pass soon: call after committing a transaction that queued mail. */
export function kickOutbox(): void {
  try {
    startOutboxWorker();
  } catch (error) {
    console.error(`[outbox] cannot start: ${(error as Error).message}`);
    return;
  }
  const worker = registry.__diplonOutboxWorker!;
  setImmediate(() => void runPasses(worker));
}

/** For tests and shutdown: stops the worker of this process. */
export function stopOutboxWorker(): void {
  const worker = registry.__diplonOutboxWorker;
  if (!worker) return;
  clearInterval(worker.timer);
  delete registry.__diplonOutboxWorker;
}
