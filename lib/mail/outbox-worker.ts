import { db } from '@/lib/db/client';
import { deliverDueMails } from './deliver-due-mails';
import { mailTransport, type MailSender } from './transport';

type Worker = { timer: NodeJS.Timeout; running: boolean; again: boolean; transport: MailSender };
const state = globalThis as typeof globalThis & { __diplonOutbox?: Worker };

async function pass(worker: Worker): Promise<void> {
  if (worker.running) {
    worker.again = true;
    return;
  }
  worker.running = true;
  try {
    do {
      worker.again = false;
      const result = await deliverDueMails(db(), { transport: worker.transport });
      if (result.sent + result.retried + result.failed === 10) worker.again = true;
    } while (worker.again);
  } catch (error) {
    console.error(`[outbox] ${(error as Error).message.split('\n')[0]}`);
  } finally {
    worker.running = false;
  }
}

/** Starts the outbox worker of this process (once): a pass every `intervalMs`, never two at once. */
export function startOutboxWorker({ intervalMs = 5_000 }: { intervalMs?: number } = {}): void {
  if (state.__diplonOutbox) return;
  const worker: Worker = { timer: undefined as unknown as NodeJS.Timeout, running: false, again: false, transport: mailTransport() };
  worker.timer = setInterval(() => void pass(worker), intervalMs);
  worker.timer.unref();
  state.__diplonOutbox = worker;
}

/** Runs a pass soon, after a commit that queued mail. */
export function kickOutbox(): void {
  startOutboxWorker();
  const worker = state.__diplonOutbox!;
  setImmediate(() => void pass(worker));
}
