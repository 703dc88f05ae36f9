import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import { Auth } from '@auth/core';
import type { AuthConfig } from '@auth/core';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GET as jwksRoute } from '@/app/.well-known/jwks.json/route';
import { CLIENT_ASSERTION_TYPE, createClientAssertion } from '@/lib/auth/itsme/client-assertion';
import { decryptAndVerifyIdToken, ItsmeIdTokenError } from '@/lib/auth/itsme/id-token';
import type { IdTokenFailure } from '@/lib/auth/itsme/id-token';
import { itsmeIssuer } from '@/lib/auth/itsme/issuer';
import { generateRpPrivateJwks, RP_PRIVATE_JWKS_FILE, rpPrivateJwks, rpPublicJwks, toPublicJwks } from '@/lib/auth/itsme/keys';
import { ITSME_ACR_ADVANCED, itsmeProvider } from '@/lib/auth/itsme/provider';
import { TEST_PERSONS } from '@/tooling/demo/test-persons';
import { DATA_DIR, resetEnvCache } from '@/lib/config/env';
import { startStandin } from '@/tooling/itsme-standin';
import type { RunningStandin, StandinTamper } from '@/tooling/itsme-standin';
import { CookieJar, loginAtStandin } from '@/tooling/itsme-standin/browser';
import type { LoginChoice } from '@/tooling/itsme-standin/browser';

const APP = 'http://localhost:3998';
const CLIENT_ID = 'diplon-test';
const SERVICE = 'DIPLON_TEST';
const REDIRECT_URI = `${APP}/api/auth/callback/itsme`;
const rpKeys = generateRpPrivateJwks();
let standin: RunningStandin;

beforeAll(async () => {
  standin = await startStandin({
    port: 0,
    clientId: CLIENT_ID,
    serviceCode: SERVICE,
    redirectUris: [REDIRECT_URI],
    clientJwks: toPublicJwks(rpKeys),
  });
});
afterEach(() => standin.setTamper('none'));
afterAll(async () => {
  await standin?.close();
});

/** Auth.js itself (as next-auth runs it), with our provider and a signIn callback that records. */
function authJs() {
  const signIns: { user: Record<string, unknown>; account: Record<string, unknown>; profile: Record<string, unknown> }[] = [];
  const errors: Error[] = [];
  const debug: [string, unknown][] = [];
  const provider = itsmeProvider({
    issuer: standin.issuer,
    clientId: CLIENT_ID,
    serviceCode: SERVICE,
    acr: ITSME_ACR_ADVANCED,
    privateJwks: () => rpKeys,
  });
  const config: AuthConfig = {
    providers: [provider],
    basePath: '/api/auth',
    secret: 'test-secret-test-secret-test-secret-1234',
    trustHost: true,
    session: { strategy: 'jwt' },
    logger: { error: (e) => errors.push(e), warn: () => {}, debug: (message, metadata) => debug.push([message, metadata]) },
    callbacks: {
      signIn: (params) => {
        signIns.push(params as unknown as (typeof signIns)[number]);
        return true;
      },
    },
  };
  return { config, signIns, errors, debug };
}

/** Sign-in button → stand-in login → callback, all through Auth.js with a cookie jar. */
async function signInWithItsme(choice: LoginChoice) {
  const { config, signIns, errors, debug } = authJs();
  const jar = new CookieJar();
  const call = async (url: string, init: RequestInit = {}) => {
    const response = await Auth(new Request(url, { ...init, headers: { ...init.headers, cookie: jar.header() } }), config);
    jar.store(response);
    return response;
  };
  const { csrfToken } = await (await call(`${APP}/api/auth/csrf`)).json();
  const signIn = await call(`${APP}/api/auth/signin/itsme`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, callbackUrl: `${APP}/start` }),
  });
  const authorizationUrl = new URL(signIn.headers.get('location')!);
  const callbackUrl = await loginAtStandin(authorizationUrl.href, choice);
  const callback = await call(callbackUrl.href);
  return { authorizationUrl, callback, location: callback.headers.get('location') ?? '', jar, signIns, errors, debug };
}

const hasSession = (jar: CookieJar) => jar.names().some((n) => n.includes('session-token'));

/** Messages of an error and its causes (Auth.js wraps what our customFetch throws). */
function errorChain(error: unknown): string {
  const messages: string[] = [];
  for (let e = error as { message?: string; cause?: unknown } | undefined; e; ) {
    messages.push(String(e.message));
    const cause = e.cause as { err?: unknown } | undefined;
    e = (cause && typeof cause === 'object' && 'err' in cause ? cause.err : cause) as typeof e;
  }
  return messages.join(' <- ');
}

describe('itsme provider through Auth.js against the stand-in', () => {
  it('signs in: sends itsme’s parameters and hands Auth.js the person’s verified claims', async () => {
    const { authorizationUrl, location, jar, signIns, errors } = await signInWithItsme({ sub: TEST_PERSONS.centreStaff.sub });
    const params = authorizationUrl.searchParams;
    expect(params.get('scope')).toBe(`openid service:${SERVICE} profile email`);
    expect(JSON.parse(params.get('claims')!)).toEqual({ id_token: { given_name: null, family_name: null, email: null } });
    expect(params.get('acr_values')).toBe(ITSME_ACR_ADVANCED);
    expect(params.get('ui_locales')).toBe('nl');
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('nonce')).toBeTruthy();
    expect(params.get('state')).toBeTruthy();

    expect(errors).toEqual([]);
    expect(location).toBe(`${APP}/start`);
    expect(hasSession(jar)).toBe(true);
    expect(signIns).toHaveLength(1);
    const { user, account, profile } = signIns[0]!;
    expect(profile).toMatchObject({ sub: TEST_PERSONS.centreStaff.sub, given_name: 'Sofie', family_name: 'Janssens', iss: standin.issuer, aud: CLIENT_ID });
    expect(user).toMatchObject({
      itsmeSub: TEST_PERSONS.centreStaff.sub,
      givenName: 'Sofie',
      familyName: 'Janssens',
      name: 'Sofie Janssens',
      email: TEST_PERSONS.centreStaff.email,
    });
    expect(account).toMatchObject({ provider: 'itsme', type: 'oidc', providerAccountId: TEST_PERSONS.centreStaff.sub });
    // Auth.js got the inner JWS (3 parts), not the JWE.
    expect(String(account.id_token).split('.')).toHaveLength(3);
  });

  it('a person without e-mail gets email null', async () => {
    const { signIns } = await signInWithItsme({ newPerson: { givenName: 'Jonas', familyName: 'Smet' } });
    expect(signIns[0]?.user).toMatchObject({ givenName: 'Jonas', familyName: 'Smet', name: 'Jonas Smet' });
    expect(signIns[0]?.user.email ?? null).toBeNull();
  });

  const refusals: [StandinTamper, RegExp][] = [
    ['wrong-nonce', /nonce/],
    ['foreign-signature', /signature-invalid/],
    ['wrong-audience', /claims-invalid.*aud/],
    ['expired', /claims-invalid.*exp/],
    ['unencrypted', /not-encrypted/],
    ['foreign-encryption-key', /decryption-failed/],
  ];
  it.each(refusals)('refuses an ID token with tamper "%s": no session, error page', async (mode, reason) => {
    standin.setTamper(mode);
    const { location, jar, signIns, errors } = await signInWithItsme({ sub: TEST_PERSONS.parent.sub });
    expect(signIns).toHaveLength(0);
    expect(hasSession(jar)).toBe(false);
    expect(location).toBe(`${APP}/api/auth/error?error=Configuration`);
    expect(errors).toHaveLength(1);
    expect(errorChain(errors[0])).toMatch(reason);
  });

  it('a cancelled itsme login returns to the sign-in page with OAuthCallbackError, no session', async () => {
    const { location, jar, signIns, debug } = await signInWithItsme('cancel');
    expect(signIns).toHaveLength(0);
    expect(hasSession(jar)).toBe(false);
    // Auth.js sends provider errors to pages.signIn (default /api/auth/signin), not pages.error.
    expect(location).toBe(`${APP}/api/auth/signin?error=OAuthCallbackError`);
    // The reason (access_denied) only reaches Auth.js's debug log, not the URL.
    expect(debug).toContainEqual(['OAuthCallbackError', expect.objectContaining({ error: 'access_denied' })]);
  });
});

/** The same flow by hand, to exercise decryptAndVerifyIdToken directly. */
async function idTokenFromStandin(): Promise<string> {
  const verifier = randomBytes(32).toString('base64url');
  const url = new URL(`${standin.issuer}/authorization`);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    scope: `openid service:${SERVICE} profile email`,
    claims: JSON.stringify({ id_token: { given_name: null, family_name: null, email: null } }),
    nonce: randomUUID(),
    state: randomUUID(),
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();
  const callback = await loginAtStandin(url.href, { sub: TEST_PERSONS.schoolManager.sub });
  const { tokenEndpoint } = await itsmeIssuer(standin.issuer);
  const assertion = await createClientAssertion({
    clientId: CLIENT_ID,
    tokenEndpoint,
    signingKey: rpKeys.keys.find((k) => k.use === 'sig')!,
  });
  const response = await fetch(tokenEndpoint, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: callback.searchParams.get('code')!,
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
      client_id: CLIENT_ID,
      client_assertion_type: CLIENT_ASSERTION_TYPE,
      client_assertion: assertion,
    }),
  });
  return ((await response.json()) as { id_token: string }).id_token;
}

async function verify(idToken: string) {
  const { keys } = await itsmeIssuer(standin.issuer);
  return decryptAndVerifyIdToken(idToken, {
    decryptionKeys: rpKeys.keys,
    issuerKeys: keys,
    issuer: standin.issuer,
    clientId: CLIENT_ID,
  });
}

describe('decryptAndVerifyIdToken', () => {
  it('returns the inner JWS and the person’s claims for an honest token', async () => {
    const { jws, claims } = await verify(await idTokenFromStandin());
    expect(decodeProtectedHeader(jws)).toMatchObject({ alg: 'RS256' });
    expect(decodeJwt(jws)).toEqual(claims);
    expect(claims).toMatchObject({ sub: TEST_PERSONS.schoolManager.sub, given_name: 'Pieter', family_name: 'Peeters' });
  });

  const failures: [StandinTamper, IdTokenFailure][] = [
    ['foreign-signature', 'signature-invalid'],
    ['wrong-audience', 'claims-invalid'],
    ['expired', 'claims-invalid'],
    ['unencrypted', 'not-encrypted'],
    ['foreign-encryption-key', 'decryption-failed'],
  ];
  it.each(failures)('rejects tamper "%s" with reason %s', async (mode, reason) => {
    standin.setTamper(mode);
    const idToken = await idTokenFromStandin();
    const error = await verify(idToken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ItsmeIdTokenError);
    expect((error as ItsmeIdTokenError).reason).toBe(reason);
  });

  it('rejects a token encrypted to a kid we do not have', async () => {
    const other = generateRpPrivateJwks();
    const error = await decryptAndVerifyIdToken(await idTokenFromStandin(), {
      decryptionKeys: other.keys,
      issuerKeys: (await itsmeIssuer(standin.issuer)).keys,
      issuer: standin.issuer,
      clientId: CLIENT_ID,
    }).catch((e: unknown) => e);
    expect((error as ItsmeIdTokenError).reason).toBe('no-decryption-key');
  });
});

describe('client assertion', () => {
  it('has aud = the token endpoint as one string, kid, RS256, iss = sub = client_id, jti and exp ≤ 5 min', async () => {
    const signingKey = rpKeys.keys.find((k) => k.use === 'sig')!;
    const jwt = await createClientAssertion({ clientId: 'c1', tokenEndpoint: 'https://idp.e2e.itsme.services/v2/token', signingKey, lifetimeSeconds: 3600 });
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'RS256', kid: signingKey.kid });
    const claims = decodeJwt(jwt);
    expect(claims).toMatchObject({ iss: 'c1', sub: 'c1', aud: 'https://idp.e2e.itsme.services/v2/token' });
    expect(typeof claims.jti).toBe('string');
    expect(claims.exp! - claims.iat!).toBeLessThanOrEqual(300);
  });
});

describe('relying-party keys', () => {
  afterEach(() => {
    delete process.env.ITSME_PRIVATE_JWKS;
    resetEnvCache();
  });

  it('generates one RS256 sig and one RSA-OAEP-256 enc key with distinct kids', () => {
    const { keys } = generateRpPrivateJwks();
    expect(keys.map((k) => [k.kty, k.use, k.alg])).toEqual([
      ['RSA', 'sig', 'RS256'],
      ['RSA', 'enc', 'RSA-OAEP-256'],
    ]);
    expect(keys[0]!.kid).not.toBe(keys[1]!.kid);
  });

  it('uses ITSME_PRIVATE_JWKS and refuses a malformed one by name', () => {
    process.env.ITSME_PRIVATE_JWKS = JSON.stringify(rpKeys);
    resetEnvCache();
    expect(rpPrivateJwks()).toEqual(rpKeys);
    process.env.ITSME_PRIVATE_JWKS = JSON.stringify({ keys: [rpKeys.keys[0]] });
    resetEnvCache();
    expect(() => rpPrivateJwks()).toThrow(/ITSME_PRIVATE_JWKS/);
    process.env.ITSME_PRIVATE_JWKS = '{not json';
    resetEnvCache();
    expect(() => rpPrivateJwks()).toThrow(/ITSME_PRIVATE_JWKS/);
  });

  it('outside production keeps a generated JWKS in DATA_DIR with mode 0600', () => {
    const first = rpPrivateJwks();
    expect(rpPrivateJwks()).toEqual(first);
    expect(statSync(path.join(DATA_DIR, RP_PRIVATE_JWKS_FILE)).mode & 0o777).toBe(0o600);
  });

  it('publishes only public parts at /.well-known/jwks.json, cacheable for an hour', async () => {
    const response = jwksRoute();
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
    const body = (await response.json()) as { keys: Record<string, unknown>[] };
    expect(body).toEqual(rpPublicJwks());
    for (const key of body.keys) {
      expect(Object.keys(key).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
    }
  });
});
