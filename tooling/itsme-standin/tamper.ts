import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import type { JsonWebKey as NodeJwk, KeyObject } from 'node:crypto';
import { CompactEncrypt, SignJWT } from 'jose';
import { ITSME_ACR_BASIC } from '@/lib/auth/itsme/claims';

/** Test-only ways for the stand-in to issue a bad ID token, for the relying party's negative tests. */
export const STANDIN_TAMPER_MODES = [
  'none',
  'foreign-signature',
  'unencrypted',
  'foreign-encryption-key',
  'wrong-audience',
  'expired',
  'wrong-nonce',
  // Where real itsme may legitimately differ from the stand-in's honest answer:
  'no-given-name',
  'jwe-without-kid',
  'jwe-rsa-oaep',
  // An itsme account deleted and re-created: a new sub for the same person.
  'changed-sub',
  // Attacks and errors:
  'lower-acr',
  'wrong-issuer',
] as const;
export type StandinTamper = (typeof STANDIN_TAMPER_MODES)[number];

export type TamperKeys = {
  issuer: string;
  clientId: string;
  /** The stand-in's own private signing JWK (with kid). */
  signingJwk: NodeJwk & { kid: string };
  /** The client's public encryption JWK (with kid). */
  clientEncryptionJwk: NodeJwk & { kid?: string };
};

function halfHash(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return createHash('sha256').update(value).digest().subarray(0, 16).toString('base64url');
}

function freshRsaKey(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('rsa', { modulusLength: 2048 });
}

/** The sub itsme gives the same person after they delete and re-create their account. */
export function recreatedSub(sub: unknown): string {
  return `recreated-${createHash('sha256').update(String(sub)).digest('base64url').slice(0, 22)}`;
}

/**
 * Builds the ID token oidc-provider would have issued (same claims), spoiled as `mode` says.
 * Foreign keys reuse the genuine `kid`, so the relying party must fail on the cryptography
 * itself, not merely on an unknown key id.
 */
export async function issueTamperedIdToken(
  mode: Exclude<StandinTamper, 'none'>,
  payload: Record<string, unknown>,
  keys: TamperKeys,
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = {
    ...payload,
    at_hash: halfHash(payload.at_hash),
    c_hash: halfHash(payload.c_hash),
    s_hash: halfHash(payload.s_hash),
    iss: mode === 'wrong-issuer' ? `${keys.issuer}-vervalst` : keys.issuer,
    aud: mode === 'wrong-audience' ? 'een-andere-dienst' : keys.clientId,
    iat: mode === 'expired' ? now - 900 : now,
    exp: mode === 'expired' ? now - 300 : now + 300,
    ...(mode === 'wrong-nonce' ? { nonce: 'een-vervalste-nonce' } : {}),
    ...(mode === 'lower-acr' ? { acr: ITSME_ACR_BASIC } : {}),
    ...(mode === 'changed-sub' ? { sub: recreatedSub(payload.sub) } : {}),
  };
  if (mode === 'no-given-name') {
    delete claims.given_name;
    if (typeof claims.family_name === 'string') claims.name = claims.family_name;
  }
  const signingKey =
    mode === 'foreign-signature' ? freshRsaKey().privateKey : createPrivateKey({ key: keys.signingJwk, format: 'jwk' });
  const jws = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: keys.signingJwk.kid })
    .sign(signingKey);
  if (mode === 'unencrypted') return jws;

  const encryptionKey =
    mode === 'foreign-encryption-key'
      ? freshRsaKey().publicKey
      : createPublicKey({ key: keys.clientEncryptionJwk, format: 'jwk' });
  return new CompactEncrypt(new TextEncoder().encode(jws))
    .setProtectedHeader({
      alg: mode === 'jwe-rsa-oaep' ? 'RSA-OAEP' : 'RSA-OAEP-256',
      enc: 'A128CBC-HS256',
      cty: 'JWT',
      ...(keys.clientEncryptionJwk.kid && mode !== 'jwe-without-kid' ? { kid: keys.clientEncryptionJwk.kid } : {}),
    })
    .encrypt(encryptionKey);
}
