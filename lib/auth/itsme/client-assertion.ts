import { randomUUID } from 'node:crypto';
import { importJWK, SignJWT } from 'jose';
import type { PrivateRsaJwk } from './keys';

export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const MAX_LIFETIME_SECONDS = 300;

export type ClientAssertionInput = {
  clientId: string;
  /** itsme wants exactly the token endpoint URL as a single string. */
  tokenEndpoint: string;
  signingKey: PrivateRsaJwk;
  lifetimeSeconds?: number;
};

/** A private_key_jwt client assertion as itsme specifies it (RS256, kid, iss = sub = client_id). */
export async function createClientAssertion(input: ClientAssertionInput): Promise<string> {
  const { clientId, tokenEndpoint, signingKey } = input;
  if (signingKey.use !== 'sig' || signingKey.alg !== 'RS256') {
    throw new Error(`Sleutel ${signingKey.kid} is geen RS256-ondertekeningssleutel`);
  }
  const lifetime = Math.min(input.lifetimeSeconds ?? 60, MAX_LIFETIME_SECONDS);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'RS256', kid: signingKey.kid })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(tokenEndpoint)
    .setJti(randomUUID())
    .setIssuedAt(now)
    .setExpirationTime(now + lifetime)
    .sign(await importJWK(signingKey, 'RS256'));
}

/** Sets the client authentication parameters of a token request body (in place). */
export async function addClientAssertion(body: URLSearchParams, input: ClientAssertionInput): Promise<void> {
  body.set('client_id', input.clientId);
  body.set('client_assertion_type', CLIENT_ASSERTION_TYPE);
  body.set('client_assertion', await createClientAssertion(input));
}
