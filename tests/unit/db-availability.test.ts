import net from 'node:net';
import { sql } from 'drizzle-orm';
import type postgres from 'postgres';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '@/lib/db/client';
import {
  checkDatabaseSoon,
  databaseAvailable,
  isDatabaseUnreachable,
  markDatabaseUp,
  reportDatabaseError,
  setAvailabilityProbe,
} from '@/lib/db/availability';
import { unavailableResponse } from '@/lib/server/unavailable-page';

const coded = (code: string, cause?: unknown) => Object.assign(new Error(`failed: ${code}`), { code, cause });

afterEach(() => {
  markDatabaseUp();
  setAvailabilityProbe(async () => {});
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('isDatabaseUnreachable', () => {
  it('knows postgres.js and socket connection failures, also wrapped by drizzle', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', 'CONNECTION_DESTROYED', '57P01', '57P03', '08006']) {
      expect(isDatabaseUnreachable(coded(code)), code).toBe(true);
    }
    expect(isDatabaseUnreachable(new Error('Failed query: select 1', { cause: coded('ECONNREFUSED') }))).toBe(true);
    expect(isDatabaseUnreachable(Object.assign(new Error('x'), { errors: [coded('ECONNREFUSED')] }))).toBe(true);
  });

  it('leaves query errors, our own pool shutdown and non-errors alone', () => {
    for (const code of ['23505', '42P01', '40001', 'CONNECTION_ENDED']) expect(isDatabaseUnreachable(coded(code)), code).toBe(false);
    expect(isDatabaseUnreachable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnreachable(undefined)).toBe(false);
    expect(isDatabaseUnreachable('ECONNREFUSED')).toBe(false);
  });
});

describe('availability', () => {
  it('goes down on a connection failure, stays down while the probe fails, and comes back by itself', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'info').mockImplementation(() => {});
    vi.useFakeTimers();
    let reachable = false;
    setAvailabilityProbe(async () => {
      if (!reachable) throw coded('ECONNREFUSED');
    });
    expect(reportDatabaseError(coded('23505'))).toBe(false);
    expect(databaseAvailable()).toBe(true);
    expect(reportDatabaseError(new Error('Failed query', { cause: coded('ECONNREFUSED') }))).toBe(true);
    expect(databaseAvailable()).toBe(false);
    await vi.advanceTimersByTimeAsync(3_500);
    expect(databaseAvailable()).toBe(false);
    reachable = true;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(databaseAvailable()).toBe(true);
  });
});

/** A loopback port nothing listens on (the system's choice, so parallel suites never collide). */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('with a real postgres.js client', () => {
  const probing = (url: string) => {
    const handle = openDatabase({ url });
    setAvailabilityProbe(async () => {
      await handle.db.execute(sql`select 1`);
    });
    return handle;
  };

  it('classifies the refused connection drizzle reports when nothing listens', async () => {
    const handle = openDatabase({ url: `postgres://nobody@127.0.0.1:${await freePort()}/none` });
    try {
      const error = await handle.db.execute(sql`select 1`).then(() => undefined, (e: unknown) => e);
      expect(isDatabaseUnreachable(error), String(error)).toBe(true);
    } finally {
      await handle.close();
    }
  });

  it('notices, by the probe timing out, a server that accepts connections and hangs up at once', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'info').mockImplementation(() => {});
    // postgres.js keeps a query queued in that case instead of failing it.
    const cutter = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => cutter.listen(0, '127.0.0.1', resolve));
    const handle = probing(`postgres://nobody@127.0.0.1:${(cutter.address() as net.AddressInfo).port}/none`);
    try {
      checkDatabaseSoon();
      await vi.waitFor(() => expect(databaseAvailable()).toBe(false), { timeout: 4_000, interval: 50 });
    } finally {
      cutter.close();
      // Not handle.close(): it would give the queued probe query 5 s.
      await (handle.client as postgres.Sql).end({ timeout: 0 }).catch(() => {});
    }
  });
});

describe('the 503 page', () => {
  it('is Dutch, not cached, asks to come back later and runs nothing', async () => {
    const response = unavailableResponse();
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toContain('max-age=');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await response.text();
    expect(html).toContain('<html lang="nl-BE">');
    expect(html).toContain('Tijdelijk niet beschikbaar');
    expect(html).not.toMatch(/<script|style=/);
  });
});
