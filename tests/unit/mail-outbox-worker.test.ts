import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Each pass of the mocked deliverDueMails waits until the test lets it finish.
const calls = vi.hoisted(() => ({ active: 0, maxActive: 0, count: 0, fail: false, waiting: [] as (() => void)[] }));

vi.mock('@/lib/db/client', () => ({ db: () => ({}) }));
vi.mock('@/lib/mail/deliver-due-mails', () => ({
  deliverDueMails: vi.fn(async () => {
    calls.count++;
    calls.active++;
    calls.maxActive = Math.max(calls.maxActive, calls.active);
    if (!calls.fail) await new Promise<void>((resolve) => calls.waiting.push(resolve));
    calls.active--;
    if (calls.fail) throw new Error('database gone\nwith details');
    return { sent: 0, failed: 0, retried: 0 };
  }),
}));

const { kickOutbox, startOutboxWorker, stopOutboxWorker } = await import('@/lib/mail/outbox-worker');
const registry = globalThis as { __diplonOutboxWorker?: { timer: NodeJS.Timeout } };
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
const finishPass = () => calls.waiting.shift()?.();

describe('outbox worker', () => {
  beforeEach(() => Object.assign(calls, { active: 0, maxActive: 0, count: 0, fail: false, waiting: [] }));
  afterEach(() => {
    stopOutboxWorker();
    calls.waiting.forEach((resolve) => resolve());
  });

  it('starts once per process, with a timer that does not keep the process alive', () => {
    startOutboxWorker({ intervalMs: 60_000 });
    const first = registry.__diplonOutboxWorker;
    startOutboxWorker({ intervalMs: 60_000 });
    expect(registry.__diplonOutboxWorker).toBe(first);
    expect(first!.timer.hasRef()).toBe(false);
  });

  it('never runs two passes at once; kicks during a pass make one more pass after it', async () => {
    startOutboxWorker({ intervalMs: 60_000 });
    kickOutbox();
    await vi.waitFor(() => expect(calls.count).toBe(1));
    kickOutbox();
    kickOutbox();
    await settle();
    expect(calls.count).toBe(1);
    finishPass();
    await vi.waitFor(() => expect(calls.count).toBe(2));
    finishPass();
    await settle();
    expect(calls.count).toBe(2);
    expect(calls.maxActive).toBe(1);
  });

  it('logs a failing pass instead of throwing', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    calls.fail = true;
    startOutboxWorker({ intervalMs: 10 });
    await vi.waitFor(() => expect(log).toHaveBeenCalledWith('[outbox] pass failed: database gone'), { timeout: 1000 });
    log.mockRestore();
  });
});
