import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it } from 'vitest';
import { GET as jwksRoute } from '@/app/.well-known/jwks.json/route';
import { markDatabaseDown, markDatabaseUp, setAvailabilityProbe } from '@/lib/db/availability';
import { proxy } from '@/proxy';

afterEach(() => {
  markDatabaseUp();
});

describe('/.well-known/jwks.json while the database is down', () => {
  it('passes the proxy and answers with our public keys, while pages get the 503', async () => {
    // A probe that never succeeds keeps the state "down" for the length of the test.
    setAvailabilityProbe(() => new Promise(() => {}));
    markDatabaseDown('ECONNREFUSED');
    const page = await proxy(new NextRequest('http://localhost:3000/aanvragen'));
    expect(page.status).toBe(503);

    const keys = await proxy(new NextRequest('http://localhost:3000/.well-known/jwks.json'));
    expect(keys.status).toBe(200);
    expect(keys.headers.get('x-middleware-next')).toBe('1');

    const response = jwksRoute();
    expect(response.status).toBe(200);
    const body = (await response.json()) as { keys: { use: string }[] };
    expect(body.keys.map((k) => k.use).sort()).toEqual(['enc', 'sig']);
    expect(Number(/max-age=(\d+)/.exec(response.headers.get('cache-control') ?? '')?.[1])).toBeGreaterThanOrEqual(1800);
  });
});
