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
import {
  currentSigningKey,
  generateRpPrivateJwks,
  parsePrivateJwks,
  RP_PRIVATE_JWKS_FILE,
  rotatePrivateJwks,
  rpPrivateJwks,
  rpPublicJwks,
  toPublicJwks,
} from '@/lib/auth/itsme/keys';
import type { JweAlgorithm } from '@/lib/auth/itsme/keys';
import { ITSME_ACR_ADVANCED, ITSME_ACR_BASIC, itsmeProvider } from '@/lib/auth/itsme/provider';
import { TEST_PERSONS } from '@/tooling/demo/test-persons';
import { DATA_DIR, resetEnvCache } from '@/lib/config/env';
import { startStandin } from '@/tooling/itsme-standin';
import type { RunningStandin, StandinTamper } from '@/tooling/itsme-standin';
import { CookieJar, loginAtStandin } from '@/tooling/itsme-standin/browser';
import type { LoginChoice } from '@/tooling/itsme-standin/browser';
import { startJwksServer } from '../support/jwks-server';

const APP = 'http://localhost:3998';
const CLIENT_ID = 'diplon-test';
const SERVICE = 'DIPLON_TEST';
const REDIRECT_URI = `${APP}/api/auth/callback/itsme`;
let rpKeys = generateRpPrivateJwks();
let standin: RunningStandin;
let jwksServer: Awaited<ReturnType<typeof startJwksServer>>;
/** What this test's relying party accepts as JWE alg (ITSME_JWE_ALGS). */
let jweAlgorithms: JweAlgorithm[] = ['RSA-OAEP-256'];

beforeAll(async () => {
  // The stand-in fetches our published keys from their URL, as itsme does.
  jwksServer = await startJwksServer(() => Response.json(toPublicJwks(rpKeys)));
  standin = await startStandin({
    port: 0,
    clientId: CLIENT_ID,
    serviceCode: SERVICE,
    redirectUris: [REDIRECT_URI],
    clientJwksUri: jwksServer.jwksUri,
  });
});
afterEach(() => {
  standin.setTamper('none');
  jweAlgorithms = ['RSA-OAEP-256'];
});
afterAll(async () => {
  await standin?.close();
  await jwksServer?.close();
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
    jweAlgorithms,
    claimsRequest: 'claims',
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
async function signInWithItsme(choice: LoginChoice, signInQuery = '') {
  const { config, signIns, errors, debug } = authJs();
  const jar = new CookieJar();
  const call = async (url: string, init: RequestInit = {}) => {
    const response = await Auth(new Request(url, { ...init, headers: { ...init.headers, cookie: jar.header() } }), config);
    jar.store(response);
    return response;
  };
  const { csrfToken } = await (await call(`${APP}/api/auth/csrf`)).json();
  const signIn = await call(`${APP}/api/auth/signin/itsme${signInQuery}`, {
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
    // The claims parameter alone (ITSME_CLAIMS_REQUEST=claims): no profile scope, whose consent
    // screen would list gender, birth date and ID photo.
    expect(params.get('scope')).toBe(`openid service:${SERVICE}`);
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
    expect(profile).toMatchObject({
      sub: TEST_PERSONS.centreStaff.sub,
      given_name: 'Sofie',
      family_name: 'Janssens',
      iss: standin.issuer,
      aud: CLIENT_ID,
      acr: ITSME_ACR_ADVANCED,
    });
    expect(new URL(standin.issuer).pathname).toBe('/v2');
    expect(jwksServer.fetches()).toBeGreaterThan(0);
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

  it('registers a person whose given_name itsme left out, with the names that exist', async () => {
    standin.setTamper('no-given-name');
    const { signIns, errors } = await signInWithItsme({ newPerson: { givenName: 'Noor', familyName: 'Vandamme' } });
    expect(errors).toEqual([]);
    expect(signIns[0]?.user).toMatchObject({ givenName: null, familyName: 'Vandamme', name: 'Vandamme' });
  });

  it('accepts a JWE without kid by trying each of our encryption keys', async () => {
    standin.setTamper('jwe-without-kid');
    const { signIns, errors } = await signInWithItsme({ sub: TEST_PERSONS.parent.sub });
    expect(errors).toEqual([]);
    expect(signIns[0]?.user).toMatchObject({ itsmeSub: TEST_PERSONS.parent.sub });
  });

  it('accepts a JWE with alg RSA-OAEP only when ITSME_JWE_ALGS allows it', async () => {
    standin.setTamper('jwe-rsa-oaep');
    const refused = await signInWithItsme({ sub: TEST_PERSONS.parent.sub });
    expect(refused.signIns).toHaveLength(0);
    expect(errorChain(refused.errors[0])).toMatch(/decryption-failed.*RSA-OAEP niet toegelaten/);
    jweAlgorithms = ['RSA-OAEP-256', 'RSA-OAEP'];
    const accepted = await signInWithItsme({ sub: TEST_PERSONS.parent.sub });
    expect(accepted.errors).toEqual([]);
    expect(accepted.signIns[0]?.user).toMatchObject({ itsmeSub: TEST_PERSONS.parent.sub });
  });

  it('refuses a login whose query was changed to ask acr_basic while ITSME_ACR is advanced', async () => {
    // The sign-in endpoint passes its own query on to the authorization URL: the stand-in then
    // honestly answers with acr_basic, and only the check of the signed acr stops it.
    const { authorizationUrl, jar, signIns, errors } = await signInWithItsme(
      { sub: TEST_PERSONS.parent.sub },
      `?acr_values=${encodeURIComponent(ITSME_ACR_BASIC)}`,
    );
    expect(authorizationUrl.searchParams.get('acr_values')).toBe(ITSME_ACR_BASIC);
    expect(signIns).toHaveLength(0);
    expect(hasSession(jar)).toBe(false);
    expect(errorChain(errors[0])).toMatch(/acr-too-low/);
  });

  const refusals: [StandinTamper, RegExp][] = [
    ['lower-acr', /acr-too-low/],
    ['wrong-issuer', /claims-invalid.*iss/],
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
    scope: `openid service:${SERVICE}`,
    acr_values: ITSME_ACR_ADVANCED,
    claims: JSON.stringify({ id_token: { given_name: null, family_name: null, email: null } }),
    nonce: randomUUID(),
    state: randomUUID(),
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();
  const callback = await loginAtStandin(url.href, { sub: TEST_PERSONS.schoolManager.sub });
  const { tokenEndpoint } = await itsmeIssuer(standin.issuer);
  const assertion = await createClientAssertion({ clientId: CLIENT_ID, tokenEndpoint, signingKey: currentSigningKey(rpKeys) });
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
    requiredAcr: ITSME_ACR_ADVANCED,
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
    ['lower-acr', 'acr-too-low'],
    ['wrong-issuer', 'claims-invalid'],
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
      requiredAcr: ITSME_ACR_ADVANCED,
    }).catch((e: unknown) => e);
    expect((error as ItsmeIdTokenError).reason).toBe('no-decryption-key');
  });
});

describe('client assertion', () => {
  it('has aud = the token endpoint as one string, kid, RS256, iss = sub = client_id, jti and exp ≤ 5 min', async () => {
    const signingKey = currentSigningKey(rpKeys);
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
    expect(keys.map((k) => [k.kty, k.use, k.alg, k.status])).toEqual([
      ['RSA', 'sig', 'RS256', 'current'],
      ['RSA', 'enc', 'RSA-OAEP-256', 'current'],
    ]);
    expect(keys[0]!.kid).not.toBe(keys[1]!.kid);
  });

  it('rotates: publishes current and next keys, keeps a retired encryption key private but decrypting', async () => {
    const original = rpKeys;
    try {
      const tokenForOldKey = await idTokenFromStandin();
      const oldEnc = original.keys.find((k) => k.use === 'enc')!;
      const oldSig = currentSigningKey(original);

      // Step 1: the next keys are published (itsme may already encrypt to them), not yet used to sign.
      const withNext = rotatePrivateJwks(original, 'add-next');
      expect(toPublicJwks(withNext).keys.map((k) => k.kid)).toEqual(withNext.keys.map((k) => k.kid));
      expect(toPublicJwks(withNext).keys).toHaveLength(4);
      expect(currentSigningKey(withNext).kid).toBe(oldSig.kid);
      rpKeys = withNext;
      for (let i = 0; i < 3; i += 1) {
        const { errors, signIns } = await signInWithItsme({ sub: TEST_PERSONS.parent.sub });
        expect(errors).toEqual([]);
        expect(signIns).toHaveLength(1);
      }

      // Step 2: promote. The old signing key is gone, the old encryption key retired: unpublished, still decrypting.
      const promoted = rotatePrivateJwks(withNext, 'promote');
      const published = toPublicJwks(promoted).keys.map((k) => k.kid);
      expect(published).toHaveLength(2);
      expect(published).not.toContain(oldEnc.kid);
      expect(published).not.toContain(oldSig.kid);
      expect(promoted.keys.find((k) => k.kid === oldEnc.kid)?.status).toBe('retired');
      expect(currentSigningKey(promoted).kid).not.toBe(oldSig.kid);
      const late = await decryptAndVerifyIdToken(tokenForOldKey, {
        decryptionKeys: promoted.keys,
        issuerKeys: (await itsmeIssuer(standin.issuer)).keys,
        issuer: standin.issuer,
        clientId: CLIENT_ID,
        requiredAcr: ITSME_ACR_ADVANCED,
      });
      expect(late.claims.sub).toBe(TEST_PERSONS.schoolManager.sub);

      // Step 3: drop the retired key; a token encrypted to it is then refused.
      const dropped = rotatePrivateJwks(promoted, 'drop-retired');
      expect(dropped.keys.map((k) => k.kid)).not.toContain(oldEnc.kid);
      const refused = await decryptAndVerifyIdToken(tokenForOldKey, {
        decryptionKeys: dropped.keys,
        issuerKeys: (await itsmeIssuer(standin.issuer)).keys,
        issuer: standin.issuer,
        clientId: CLIENT_ID,
        requiredAcr: ITSME_ACR_ADVANCED,
      }).catch((e: unknown) => e);
      expect((refused as ItsmeIdTokenError).reason).toBe('no-decryption-key');
    } finally {
      rpKeys = original;
    }
  });

  it('refuses a key set without exactly one current sig and enc key, or with a retired signing key', () => {
    const twoCurrent = { keys: [...rpKeys.keys, ...generateRpPrivateJwks().keys] };
    expect(() => parsePrivateJwks(JSON.stringify(twoCurrent), 'ITSME_PRIVATE_JWKS')).toThrow(/precies één huidige/);
    const retiredSig = { keys: [...rpKeys.keys, { ...generateRpPrivateJwks().keys[0]!, status: 'retired' }] };
    expect(() => parsePrivateJwks(JSON.stringify(retiredSig), 'ITSME_PRIVATE_JWKS')).toThrow(/afgedankte ondertekeningssleutel/);
    expect(() => rotatePrivateJwks(rpKeys, 'promote')).toThrow(/add-next/);
    expect(() => rotatePrivateJwks(rotatePrivateJwks(rpKeys, 'add-next'), 'add-next')).toThrow(/promote/);
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
