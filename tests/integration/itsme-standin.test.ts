import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compactDecrypt, decodeJwt, decodeProtectedHeader, importJWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_ASSERTION_TYPE, createClientAssertion } from '@/lib/auth/itsme/client-assertion';
import { ITSME_ACR_ADVANCED, ITSME_ACR_BASIC } from '@/lib/auth/itsme/claims';
import { generateRpPrivateJwks, toPublicJwks } from '@/lib/auth/itsme/keys';
import type { PrivateRsaJwk } from '@/lib/auth/itsme/keys';
import { TEST_PERSONS, testPersonList } from '@/tooling/demo/test-persons';
import { startStandin } from '@/tooling/itsme-standin';
import type { RunningStandin } from '@/tooling/itsme-standin';
import { CookieJar, loginAtStandin, request } from '@/tooling/itsme-standin/browser';
import type { LoginChoice } from '@/tooling/itsme-standin/browser';
import { PersonStore } from '@/tooling/itsme-standin/persons';
import { recreatedSub } from '@/tooling/itsme-standin/tamper';
import { startJwksServer } from '../support/jwks-server';

const CLIENT_ID = 'diplon-test';
const SERVICE = 'DIPLON_TEST';
const REDIRECT_URI = 'http://localhost:3999/api/auth/callback/itsme';

const rpKeys = generateRpPrivateJwks();
const sigKey = rpKeys.keys.find((k) => k.use === 'sig')!;
const encKey = rpKeys.keys.find((k) => k.use === 'enc')!;
let standin: RunningStandin;
let tokenEndpoint: string;
let jwksServer: Awaited<ReturnType<typeof startJwksServer>>;

beforeAll(async () => {
  jwksServer = await startJwksServer(() => Response.json(toPublicJwks(rpKeys)));
  standin = await startStandin({
    port: 0,
    clientId: CLIENT_ID,
    serviceCode: SERVICE,
    redirectUris: [REDIRECT_URI],
    clientJwksUri: jwksServer.jwksUri,
  });
  const discovery = await (await fetch(`${standin.issuer}/.well-known/openid-configuration`)).json();
  tokenEndpoint = discovery.token_endpoint;
});

afterAll(async () => {
  await standin?.close();
  await jwksServer?.close();
});

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The authorization request our provider sends, with `overrides` (null removes a parameter). */
function authorizationUrl(challenge: string, overrides: Record<string, string | null> = {}): string {
  const params: Record<string, string | null> = {
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    scope: `openid service:${SERVICE} profile email`,
    claims: JSON.stringify({ id_token: { given_name: null, family_name: null, email: null } }),
    acr_values: ITSME_ACR_BASIC,
    ui_locales: 'nl',
    state: randomUUID(),
    nonce: randomUUID(),
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...overrides,
  };
  const url = new URL(`${standin.issuer}/authorization`);
  for (const [k, v] of Object.entries(params)) if (v !== null) url.searchParams.set(k, v);
  return url.href;
}

async function codeFor(choice: LoginChoice, overrides: Record<string, string | null> = {}) {
  const { verifier, challenge } = pkce();
  const callback = await loginAtStandin(authorizationUrl(challenge, overrides), choice);
  const code = callback.searchParams.get('code');
  if (!code) throw new Error(`geen code: ${callback.href}`);
  return { code, verifier };
}

async function tokenRequest(code: string, verifier: string | null, assertion: string) {
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: REDIRECT_URI,
    client_id: CLIENT_ID,
    client_assertion_type: CLIENT_ASSERTION_TYPE,
    client_assertion: assertion,
  });
  if (verifier !== null) body.set('code_verifier', verifier);
  const response = await fetch(tokenEndpoint, { method: 'POST', body });
  return { status: response.status, json: (await response.json()) as Record<string, string> };
}

const goodAssertion = () => createClientAssertion({ clientId: CLIENT_ID, tokenEndpoint, signingKey: sigKey });

/** An assertion signed with our real key but with chosen header/claims, to isolate one rule. */
async function assertionWith(header: Record<string, unknown>, aud: unknown) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ aud } as Record<string, unknown>)
    .setProtectedHeader({ alg: 'RS256', ...header })
    .setIssuer(CLIENT_ID)
    .setSubject(CLIENT_ID)
    .setJti(randomUUID())
    .setIssuedAt(now)
    .setExpirationTime(now + 60)
    .sign(await importJWK(sigKey as PrivateRsaJwk, 'RS256'));
}

async function decryptToClaims(jwe: string) {
  const { plaintext } = await compactDecrypt(jwe, await importJWK(encKey, 'RSA-OAEP-256'));
  return decodeJwt(new TextDecoder().decode(plaintext));
}

describe('itsme stand-in: login page', () => {
  it('shows a Dutch page with a button per test person, a new-person form and cancel', async () => {
    const jar = new CookieJar();
    const start = await request(jar, authorizationUrl(pkce().challenge));
    expect(start.status).toBe(303);
    const page = await request(jar, new URL(start.headers.get('location')!, standin.issuer).href);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('Aanmelden als Sofie Janssens — medewerker leersteuncentrum');
    for (const p of testPersonList) {
      expect(html).toContain(`Aanmelden als ${p.givenName} ${p.familyName} — ${p.description}`);
    }
    expect(html).toMatch(/<label for="given_name">Voornaam<\/label>/);
    expect(html).toMatch(/<label for="family_name">Familienaam<\/label>/);
    expect(html).toMatch(/<label for="email">E-mail<\/label>/);
    expect(html).toContain('Nieuwe persoon');
    expect(html).toContain('>Annuleren</button>');
    expect(html).not.toMatch(/<(link|script|img)\b/);
  });

  it('ends the interaction with access_denied when the user cancels', async () => {
    const callback = await loginAtStandin(authorizationUrl(pkce().challenge, { state: 'st-1' }), 'cancel');
    expect(callback.origin + callback.pathname).toBe(REDIRECT_URI);
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('state')).toBe('st-1');
  });
});

describe('itsme stand-in: authorization request rules', () => {
  it('refuses a request without the service scope with an OIDC error', async () => {
    const { challenge } = pkce();
    const url = authorizationUrl(challenge, { scope: 'openid profile email', state: 'st-2' });
    const response = await fetch(url, { redirect: 'manual' });
    const callback = new URL(response.headers.get('location')!);
    expect(callback.origin + callback.pathname).toBe(REDIRECT_URI);
    expect(callback.searchParams.get('error')).toBe('invalid_scope');
    expect(callback.searchParams.get('error_description')).toContain(`service:${SERVICE}`);
    expect(callback.searchParams.get('state')).toBe('st-2');
  });

  it('refuses a request without code_challenge (PKCE required)', async () => {
    const url = authorizationUrl('', { code_challenge: null, code_challenge_method: null });
    const response = await fetch(url, { redirect: 'manual' });
    const callback = new URL(response.headers.get('location')!);
    expect(callback.searchParams.get('error')).toBe('invalid_request');
    expect(callback.searchParams.get('error_description')).toMatch(/PKCE/);
  });
});

describe('itsme stand-in: token request rules', () => {
  it('issues an ID token, signed then encrypted to our enc key, with itsme claim names', async () => {
    const { code, verifier } = await codeFor({ sub: TEST_PERSONS.centreStaff.sub }, { acr_values: ITSME_ACR_ADVANCED });
    const { status, json } = await tokenRequest(code, verifier, await goodAssertion());
    expect(status).toBe(200);
    expect(json.id_token!.split('.')).toHaveLength(5);
    expect(decodeProtectedHeader(json.id_token!)).toMatchObject({
      alg: 'RSA-OAEP-256',
      enc: 'A128CBC-HS256',
      cty: 'JWT',
      kid: encKey.kid,
    });
    const claims = await decryptToClaims(json.id_token!);
    expect(claims).toMatchObject({
      sub: TEST_PERSONS.centreStaff.sub,
      given_name: 'Sofie',
      family_name: 'Janssens',
      email: TEST_PERSONS.centreStaff.email,
      aud: CLIENT_ID,
      iss: standin.issuer,
      acr: ITSME_ACR_ADVANCED,
    });

    // /userinfo is a signed-then-encrypted JWT too; itsme never marks an e-mail as verified.
    const userinfo = await fetch(`${standin.issuer}/userinfo`, {
      headers: { authorization: `Bearer ${json.access_token}` },
    });
    expect(userinfo.headers.get('content-type')).toMatch(/application\/jwt/);
    expect(await decryptToClaims(await userinfo.text())).toMatchObject({
      email_verified: false,
      locale: 'nl',
      name: 'Sofie Janssens',
    });
  });

  it('refuses an assertion whose aud is not exactly the token endpoint (array or issuer)', async () => {
    const { code, verifier } = await codeFor({ sub: TEST_PERSONS.parent.sub });
    const asArray = await tokenRequest(code, verifier, await assertionWith({ kid: sigKey.kid }, [standin.issuer, tokenEndpoint]));
    expect(asArray).toMatchObject({ status: 401, json: { error: 'invalid_client' } });
    const asIssuer = await tokenRequest(code, verifier, await assertionWith({ kid: sigKey.kid }, standin.issuer));
    expect(asIssuer).toMatchObject({ status: 401, json: { error: 'invalid_client' } });
    // Control: the same code with the same construction and aud = token endpoint is accepted.
    const good = await tokenRequest(code, verifier, await assertionWith({ kid: sigKey.kid }, tokenEndpoint));
    expect(good.status).toBe(200);
  });

  it('refuses an assertion without kid', async () => {
    const { code, verifier } = await codeFor({ sub: TEST_PERSONS.parent.sub });
    const noKid = await tokenRequest(code, verifier, await assertionWith({}, tokenEndpoint));
    expect(noKid).toMatchObject({ status: 401, json: { error: 'invalid_client' } });
    const withKid = await tokenRequest(code, verifier, await assertionWith({ kid: sigKey.kid }, tokenEndpoint));
    expect(withKid.status).toBe(200);
  });

  it('refuses a token request without the PKCE code_verifier', async () => {
    const { code } = await codeFor({ sub: TEST_PERSONS.parent.sub });
    const result = await tokenRequest(code, null, await goodAssertion());
    expect(result.status).toBe(400);
    expect(result.json.error).toBe('invalid_grant');
  });

  it('logs in a new person with a fresh random sub', async () => {
    const choice = { newPerson: { givenName: 'Lotte', familyName: 'Claes', email: 'lotte@example.be' } };
    const first = await codeFor(choice);
    const second = await codeFor(choice);
    const subs = [];
    for (const { code, verifier } of [first, second]) {
      const { json } = await tokenRequest(code, verifier, await goodAssertion());
      const claims = await decryptToClaims(json.id_token!);
      expect(claims).toMatchObject({ given_name: 'Lotte', family_name: 'Claes', email: 'lotte@example.be' });
      subs.push(claims.sub);
    }
    expect(subs[0]).not.toBe(subs[1]);
    expect(testPersonList.map((p) => p.sub)).not.toContain(subs[0]);
    expect(standin.persons.get(subs[0]!)).toMatchObject({ givenName: 'Lotte' });
  });
});

describe('itsme stand-in: as strict as itsme', () => {
  it('has an issuer with a path (…/v2), like itsme, and serves nothing outside it', async () => {
    expect(new URL(standin.issuer).pathname).toBe('/v2');
    const discovery = await (await fetch(`${standin.issuer}/.well-known/openid-configuration`)).json();
    expect(discovery.issuer).toBe(standin.issuer);
    expect(discovery.token_endpoint).toBe(`${standin.issuer}/token`);
    expect(discovery.authorization_endpoint).toBe(`${standin.issuer}/authorization`);
    expect((await fetch(`${new URL(standin.issuer).origin}/.well-known/openid-configuration`)).status).toBe(404);
  });

  it('fetches our keys from the JWKS URL and encrypts to a published key', async () => {
    const { code, verifier } = await codeFor({ sub: TEST_PERSONS.parent.sub });
    const { json } = await tokenRequest(code, verifier, await goodAssertion());
    expect(decodeProtectedHeader(json.id_token!).kid).toBe(encKey.kid);
    expect(jwksServer.fetches()).toBeGreaterThan(0);
  });

  it('tamper modes: no given_name, JWE without kid, JWE with RSA-OAEP, a changed sub', async () => {
    const issue = async (mode: Parameters<RunningStandin['setTamper']>[0]) => {
      standin.setTamper(mode);
      try {
        const { code, verifier } = await codeFor({ sub: TEST_PERSONS.parent.sub });
        return (await tokenRequest(code, verifier, await goodAssertion())).json.id_token!;
      } finally {
        standin.setTamper('none');
      }
    };
    const rsaOaep = async (jwe: string) => {
      const { plaintext } = await compactDecrypt(jwe, await importJWK({ ...encKey, alg: 'RSA-OAEP' }, 'RSA-OAEP'));
      return decodeJwt(new TextDecoder().decode(plaintext));
    };
    const noGiven = await decryptToClaims(await issue('no-given-name'));
    expect(noGiven).not.toHaveProperty('given_name');
    expect(noGiven.family_name).toBe(TEST_PERSONS.parent.familyName);
    expect(decodeProtectedHeader(await issue('jwe-without-kid'))).not.toHaveProperty('kid');
    const oaep = await issue('jwe-rsa-oaep');
    expect(decodeProtectedHeader(oaep).alg).toBe('RSA-OAEP');
    expect((await rsaOaep(oaep)).sub).toBe(TEST_PERSONS.parent.sub);
    const changed = await decryptToClaims(await issue('changed-sub'));
    expect(changed.sub).toBe(recreatedSub(TEST_PERSONS.parent.sub));
    expect(changed.sub).not.toBe(TEST_PERSONS.parent.sub);
    expect(changed.given_name).toBe(TEST_PERSONS.parent.givenName);
  });

  it('keeps persons made with "Nieuwe persoon" in its file across a restart', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'diplon-standin-')), 'persons.json');
    const first = new PersonStore(testPersonList, file);
    const made = first.create({ givenName: 'Mira', familyName: 'Goossens', email: 'mira@example.be' });
    const afterRestart = new PersonStore(testPersonList, file);
    expect(afterRestart.get(made.sub)).toEqual(made);
    expect(afterRestart.list()).toHaveLength(testPersonList.length + 1);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // Without a file nothing outlives the process.
    expect(new PersonStore(testPersonList).get(made.sub)).toBeUndefined();
  });
});

describe('itsme stand-in: where it may run', () => {
  it('refuses to start when APP_ENV or NODE_ENV is production', async () => {
    const options = { port: 0, clientId: 'x', serviceCode: 'X', redirectUris: [REDIRECT_URI], clientJwksUri: jwksServer.jwksUri };
    const vars = process.env as Record<string, string | undefined>;
    for (const name of ['APP_ENV', 'NODE_ENV']) {
      const saved = vars[name];
      vars[name] = 'production';
      try {
        await expect(startStandin(options)).rejects.toThrow(/productie/);
      } finally {
        if (saved === undefined) delete vars[name];
        else vars[name] = saved;
      }
    }
  });

  it('refuses to listen on anything but loopback', async () => {
    await expect(
      startStandin({ port: 0, host: '0.0.0.0', clientId: 'x', serviceCode: 'X', redirectUris: [REDIRECT_URI], clientJwksUri: jwksServer.jwksUri }),
    ).rejects.toThrow(/loopback/);
  });
});
