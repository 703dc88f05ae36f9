/**
 * The whole itsme login as the app runs it: the route handlers of lib/auth/auth.ts (Auth.js with
 * our adapter and guards) on a real database, against the real stand-in, which fetches our keys
 * from the app's own /.well-known/jwks.json route.
 */
import { and, desc, eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as jwksRoute } from '@/app/.well-known/jwks.json/route';
import { authConfig, handlers } from '@/lib/auth/auth';
import { findSession } from '@/lib/auth/find-session';
import { ITSME_ACR_ADVANCED, ITSME_ACR_BASIC } from '@/lib/auth/itsme/claims';
import { generateRpPrivateJwks } from '@/lib/auth/itsme/keys';
import { hashSessionToken } from '@/lib/auth/session-token';
import { resetEnvCache } from '@/lib/config/env';
import type { DatabaseHandle } from '@/lib/db/client';
import * as t from '@/lib/db/schema';
import { personName } from '@/lib/text/person-name';
import { TEST_PERSONS } from '@/tooling/demo/test-persons';
import { startStandin } from '@/tooling/itsme-standin';
import type { RunningStandin } from '@/tooling/itsme-standin';
import { CookieJar, loginAtStandin } from '@/tooling/itsme-standin/browser';
import type { LoginChoice } from '@/tooling/itsme-standin/browser';
import { openTestDb } from '../support/db';
import { startJwksServer } from '../support/jwks-server';

/**
 * As in Next, code running for a request reads that request's headers with `headers()` (the
 * Auth.js events take the audit's origin from them): `call` below runs each handler with its
 * request's headers; outside a request `headers()` throws, as Next's does.
 */
const requestHeaders = await vi.hoisted(async () => new (await import('node:async_hooks')).AsyncLocalStorage<Headers>());
// On the server 'server-only' is an empty module (the react-server condition); the events' origin comes from lib/auth/viewer.ts, which imports it.
vi.mock('server-only', () => ({}));
vi.mock('next/headers', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/headers')>()),
  headers: async () => {
    const current = requestHeaders.getStore();
    if (!current) throw new Error('headers() outside a request');
    return current;
  },
}));

const SESSION_COOKIE = 'diplon.session';
const SETTINGS = ['APP_URL', 'AUTH_URL', 'ITSME_ISSUER', 'ITSME_CLIENT_ID', 'ITSME_SERVICE_CODE', 'ITSME_ACR', 'ITSME_PRIVATE_JWKS'];
const saved = Object.fromEntries(SETTINGS.map((k) => [k, process.env[k]]));
const globalDb = globalThis as typeof globalThis & { __diplonDb?: DatabaseHandle };

let handle: DatabaseHandle;
let standin: RunningStandin;
let app: Awaited<ReturnType<typeof startJwksServer>>;

beforeAll(async () => {
  handle = await openTestDb();
  globalDb.__diplonDb = handle;
  // The app's own JWKS route, served on loopback: the stand-in fetches it as itsme would.
  app = await startJwksServer(() => jwksRoute());
  process.env.ITSME_PRIVATE_JWKS = JSON.stringify(generateRpPrivateJwks());
  process.env.APP_URL = app.origin;
  process.env.AUTH_URL = `${app.origin}/api/auth`;
  process.env.ITSME_CLIENT_ID = 'diplon-login-test';
  process.env.ITSME_SERVICE_CODE = 'DIPLON_LOGIN_TEST';
  process.env.ITSME_ACR = ITSME_ACR_ADVANCED;
  standin = await startStandin({
    port: 0,
    clientId: 'diplon-login-test',
    serviceCode: 'DIPLON_LOGIN_TEST',
    // NextRequest reads a loopback host as "localhost", so Auth.js may send either form.
    redirectUris: [`${app.origin}/api/auth/callback/itsme`, `${app.origin.replace('127.0.0.1', 'localhost')}/api/auth/callback/itsme`],
    clientJwksUri: app.jwksUri,
  });
  process.env.ITSME_ISSUER = standin.issuer;
  resetEnvCache();
});
afterEach(() => standin.setTamper('none'));
afterAll(async () => {
  await standin?.close();
  await app?.close();
  delete globalDb.__diplonDb;
  await handle?.close();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
});

/** One request to the app's /api/auth route handlers, as Next would hand it over. */
async function call(jar: CookieJar, url: string, init: { method?: string; body?: URLSearchParams; address?: string } = {}) {
  const headers = new Headers({ 'x-forwarded-for': init.address ?? '198.51.100.7' });
  if (jar.header()) headers.set('cookie', jar.header());
  if (init.body) headers.set('content-type', 'application/x-www-form-urlencoded');
  const request = new NextRequest(url, { method: init.method ?? 'GET', headers, body: init.body });
  const handler = request.method === 'POST' ? handlers.POST : handlers.GET;
  const response = await requestHeaders.run(request.headers, () => handler(request));
  jar.store(response);
  return response;
}

/** 'Aanmelden met itsme' → the stand-in → the callback, in one browser (`jar`). */
async function login(jar: CookieJar, choice: LoginChoice, signInQuery = '', address?: string) {
  const { csrfToken } = (await (await call(jar, `${app.origin}/api/auth/csrf`, { address })).json()) as { csrfToken: string };
  const signIn = await call(jar, `${app.origin}/api/auth/signin/itsme${signInQuery}`, {
    method: 'POST',
    body: new URLSearchParams({ csrfToken, callbackUrl: `${app.origin}/` }),
    address,
  });
  const authorizationUrl = new URL(signIn.headers.get('location')!);
  const callbackUrl = await loginAtStandin(authorizationUrl.href, choice);
  const callback = await call(jar, callbackUrl.href, { address });
  return { authorizationUrl, location: callback.headers.get('location') ?? '' };
}

const sessionToken = (jar: CookieJar) => {
  const pair = jar.header().split('; ').find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  return pair?.slice(SESSION_COOKIE.length + 1);
};
const userBySub = async (sub: string) =>
  (await handle.db.select().from(t.users).where(eq(t.users.itsmeSub, sub)))[0];
const lastAudit = async (userId: string) =>
  (await handle.db.select().from(t.auditEvents).where(eq(t.auditEvents.actorId, userId)).orderBy(desc(t.auditEvents.id)).limit(1))[0];

describe('itsme login through the app’s /api/auth handlers', () => {
  it('registers a person, stores only the hash of the session token, and finds them by the cookie', async () => {
    const jar = new CookieJar();
    const { location } = await login(jar, { sub: TEST_PERSONS.centreStaff.sub });
    expect(new URL(location).pathname).toBe('/');
    const token = sessionToken(jar)!;
    const user = (await userBySub(TEST_PERSONS.centreStaff.sub))!;
    expect(user).toMatchObject({ givenName: 'Sofie', familyName: 'Janssens' });
    const stored = await handle.db.select().from(t.sessions).where(eq(t.sessions.userId, user.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.sessionToken).toBe(hashSessionToken(token));
    expect(stored[0]!.sessionToken).not.toBe(token);
    expect((await findSession(handle.db, token))?.user.id).toBe(user.id);
    // The stored value is not a key to the session.
    expect(await findSession(handle.db, stored[0]!.sessionToken)).toBeNull();
    expect(app.fetches()).toBeGreaterThan(0);
  });

  it('a login as a new person B on top of A’s live session ends A’s session and starts B’s; A keeps A’s name', async () => {
    const jar = new CookieJar();
    await login(jar, { sub: TEST_PERSONS.parent.sub });
    const a = (await userBySub(TEST_PERSONS.parent.sub))!;
    const tokenA = sessionToken(jar)!;

    const auditOfA = await handle.db.select().from(t.auditEvents).where(eq(t.auditEvents.actorId, a.id));
    await login(jar, { newPerson: { givenName: 'Bram', familyName: 'Nieuwkomer' } });
    const tokenB = sessionToken(jar)!;
    expect(tokenB).not.toBe(tokenA);
    const viewer = await findSession(handle.db, tokenB);
    expect(viewer?.user).toMatchObject({ givenName: 'Bram', familyName: 'Nieuwkomer' });
    expect(viewer?.user.id).not.toBe(a.id);
    const [b] = await handle.db.select().from(t.users).where(eq(t.users.id, viewer!.user.id));
    expect(b!.itsmeSub).toMatch(/^standin-/);
    expect(b!.itsmeSub).not.toBe(TEST_PERSONS.parent.sub);
    expect(await findSession(handle.db, tokenA)).toBeNull();
    expect(await userBySub(TEST_PERSONS.parent.sub)).toMatchObject({ id: a.id, givenName: 'Koen', familyName: 'Willems' });
    expect(await lastAudit(b!.id)).toMatchObject({ action: 'registration' });
    // A's only new audit event is the end of A's session: no login of A, no rename.
    const newForA = (await handle.db.select().from(t.auditEvents).where(eq(t.auditEvents.actorId, a.id))).slice(auditOfA.length);
    expect(newForA).toEqual([expect.objectContaining({ action: 'logout', details: { reason: 'new_login' } })]);
  });

  it('a login as a known person B on top of A’s live session switches to B (no refusal page, no link)', async () => {
    const jar = new CookieJar();
    await login(jar, { sub: TEST_PERSONS.centreStaff.sub });
    const tokenA = sessionToken(jar)!;
    const { location } = await login(jar, { sub: TEST_PERSONS.parent.sub });
    expect(new URL(location).pathname).toBe('/');
    const viewer = await findSession(handle.db, sessionToken(jar)!);
    expect(viewer?.user.id).toBe((await userBySub(TEST_PERSONS.parent.sub))!.id);
    expect(await findSession(handle.db, tokenA)).toBeNull();
    expect(await userBySub(TEST_PERSONS.centreStaff.sub)).toMatchObject({ givenName: 'Sofie', familyName: 'Janssens' });
  });

  it('a failed callback leaves the session that was open untouched', async () => {
    const jar = new CookieJar();
    await login(jar, { sub: TEST_PERSONS.centreStaff.sub });
    const token = sessionToken(jar)!;
    standin.setTamper('foreign-signature');
    await login(jar, { sub: TEST_PERSONS.parent.sub });
    expect(sessionToken(jar)).toBe(token);
    expect((await findSession(handle.db, token))?.user.id).toBe((await userBySub(TEST_PERSONS.centreStaff.sub))!.id);
  });

  it('registers a person whose given_name itsme did not return, and shows the family name', async () => {
    standin.setTamper('no-given-name');
    const jar = new CookieJar();
    const { location } = await login(jar, { newPerson: { givenName: 'Zonder', familyName: 'Voornaam' } });
    expect(new URL(location).pathname).toBe('/');
    const viewer = await findSession(handle.db, sessionToken(jar)!);
    expect(viewer?.user).toMatchObject({ givenName: null, familyName: 'Voornaam' });
    expect(personName(viewer!.user)).toBe('Voornaam');
    expect(await lastAudit(viewer!.user.id)).toMatchObject({ action: 'registration' });
  });

  it('refuses acr_basic asked through the sign-in endpoint’s query while ITSME_ACR is advanced', async () => {
    const jar = new CookieJar();
    const { authorizationUrl, location } = await login(
      jar,
      { newPerson: { givenName: 'Basis', familyName: 'Niveau' } },
      `?acr_values=${encodeURIComponent(ITSME_ACR_BASIC)}`,
    );
    expect(authorizationUrl.searchParams.get('acr_values')).toBe(ITSME_ACR_BASIC);
    expect(location).toMatch(/\/aanmelden\/fout\?error=Configuration$/);
    expect(sessionToken(jar)).toBeUndefined();
    const [row] = await handle.db.select().from(t.users).where(and(eq(t.users.givenName, 'Basis'), eq(t.users.familyName, 'Niveau')));
    expect(row).toBeUndefined();
  });

  it('rate-limits /api/auth/* per address (RATE_AUTH_PER_MINUTE, default 60)', async () => {
    const jar = new CookieJar();
    const statuses: number[] = [];
    for (let i = 0; i < 61; i += 1) {
      statuses.push((await call(jar, `${app.origin}/api/auth/csrf`, { address: '203.0.113.44' })).status);
    }
    expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true);
    const limited = await call(jar, `${app.origin}/api/auth/csrf`, { address: '203.0.113.44' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.text()).toContain('Te veel aanmeldpogingen');
    // Another address is not affected.
    expect((await call(jar, `${app.origin}/api/auth/csrf`, { address: '203.0.113.45' })).status).toBe(200);
  });

  it("audits 'Aanmelden' and 'Afmelden' with where each came from (the client address of that request)", async () => {
    await login(new CookieJar(), { sub: TEST_PERSONS.schoolManager.sub }, '', '203.0.113.60');
    const user = (await userBySub(TEST_PERSONS.schoolManager.sub))!;
    expect(await lastAudit(user.id)).toMatchObject({ action: 'registration', origin: '203.0.113.60' });

    const jar = new CookieJar();
    await login(jar, { sub: TEST_PERSONS.schoolManager.sub }, '', '203.0.113.61');
    const signedIn = await lastAudit(user.id);
    expect(signedIn).toMatchObject({ action: 'login', origin: '203.0.113.61' });
    const token = sessionToken(jar)!;

    // 'Afmelden' from another address (a phone that moved networks): its own origin.
    const { csrfToken } = (await (await call(jar, `${app.origin}/api/auth/csrf`, { address: '203.0.113.62' })).json()) as { csrfToken: string };
    const out = await call(jar, `${app.origin}/api/auth/signout`, {
      method: 'POST',
      body: new URLSearchParams({ csrfToken, callbackUrl: `${app.origin}/aanmelden?afgemeld=1` }),
      address: '203.0.113.62',
    });
    expect(out.status).toBe(302);
    expect(await findSession(handle.db, token)).toBeNull();
    const signedOut = await lastAudit(user.id);
    expect(signedOut).toMatchObject({ action: 'logout', origin: '203.0.113.62' });
    expect(signedOut!.id).toBeGreaterThan(signedIn!.id);
  });

  it('logs Auth.js warnings instead of silencing them', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      authConfig().logger!.warn!('debug-enabled');
      expect(warn).toHaveBeenCalledWith('[auth] warning: debug-enabled');
    } finally {
      warn.mockRestore();
    }
  });
});
