import { compactDecrypt, decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import type { JWTVerifyGetKey } from 'jose';
import { acrSatisfies } from './claims';
import type { ItsmeAcr, ItsmeClaims } from './claims';
import type { JweAlgorithm } from './keys';
import type { PrivateRsaJwk } from './keys';

export type IdTokenFailure =
  | 'malformed'
  | 'not-encrypted'
  | 'no-decryption-key'
  | 'decryption-failed'
  | 'signature-invalid'
  | 'claims-invalid'
  | 'acr-too-low';

export class ItsmeIdTokenError extends Error {
  constructor(
    readonly reason: IdTokenFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`itsme ID token geweigerd (${reason}): ${message}`, options);
    this.name = 'ItsmeIdTokenError';
  }
}

export type DecryptAndVerifyOptions = {
  /** Our private keys; only those with use "enc" are tried. */
  decryptionKeys: PrivateRsaJwk[];
  /** itsme's signing keys, e.g. jose's createRemoteJWKSet on the discovery's jwks_uri. */
  issuerKeys: JWTVerifyGetKey;
  issuer: string;
  clientId: string;
  /** The level of assurance the login must have reached (checked on the signed `acr`). */
  requiredAcr: ItsmeAcr;
  /** JWE key management algorithms we accept (ITSME_JWE_ALGS); default RSA-OAEP-256 only. */
  keyManagementAlgorithms?: readonly JweAlgorithm[];
  clockToleranceSeconds?: number;
};

const CONTENT_ENCRYPTION = ['A128CBC-HS256', 'A192CBC-HS384', 'A256CBC-HS512', 'A128GCM', 'A192GCM', 'A256GCM'];

async function decrypt(idToken: string, keys: PrivateRsaJwk[], algorithms: readonly JweAlgorithm[]): Promise<string> {
  let header;
  try {
    header = decodeProtectedHeader(idToken);
  } catch (cause) {
    throw new ItsmeIdTokenError('malformed', 'JWE-header onleesbaar', { cause });
  }
  if (typeof header.alg !== 'string' || !(algorithms as readonly string[]).includes(header.alg)) {
    throw new ItsmeIdTokenError('decryption-failed', `JWE-alg ${String(header.alg)} niet toegelaten (ITSME_JWE_ALGS)`);
  }
  const alg = header.alg;
  // Every enc key we hold: the published ones and, kept private, the retired ones.
  const encKeys = keys.filter((k) => k.use === 'enc');
  // itsme documents the JWE kid as optional: without one, each enc key is tried.
  const candidates = header.kid === undefined ? encKeys : encKeys.filter((k) => k.kid === header.kid);
  if (candidates.length === 0) {
    throw new ItsmeIdTokenError('no-decryption-key', `geen eigen enc-sleutel met kid ${header.kid}`);
  }
  let lastError: unknown;
  for (const key of candidates) {
    try {
      const { plaintext } = await compactDecrypt(idToken, await importJWK({ ...key, alg }, alg), {
        keyManagementAlgorithms: [alg],
        contentEncryptionAlgorithms: CONTENT_ENCRYPTION,
      });
      return new TextDecoder().decode(plaintext);
    } catch (error) {
      lastError = error;
    }
  }
  throw new ItsmeIdTokenError('decryption-failed', 'ontsleutelen mislukt', { cause: lastError });
}

/**
 * Decrypts itsme's signed-then-encrypted ID token and verifies the inner JWS (signature, iss,
 * aud, exp). Returns the inner JWS for Auth.js, which then checks the nonce (and iss/aud/exp
 * again). An unencrypted token is refused: itsme always encrypts, so a plain JWS is suspect.
 */
export async function decryptAndVerifyIdToken(
  idToken: string,
  options: DecryptAndVerifyOptions,
): Promise<{ jws: string; claims: ItsmeClaims }> {
  const parts = idToken.split('.').length;
  if (parts === 3) throw new ItsmeIdTokenError('not-encrypted', 'het ID token is niet versleuteld');
  if (parts !== 5) throw new ItsmeIdTokenError('malformed', 'geen compacte JWE');

  const algorithms = options.keyManagementAlgorithms ?? ['RSA-OAEP-256'];
  const jws = (await decrypt(idToken, options.decryptionKeys, algorithms)).trim();
  if (jws.split('.').length !== 3) throw new ItsmeIdTokenError('malformed', 'de inhoud is geen JWS');

  let claims: ItsmeClaims;
  try {
    const { payload } = await jwtVerify(jws, options.issuerKeys, {
      algorithms: ['RS256'],
      issuer: options.issuer,
      audience: options.clientId,
      requiredClaims: ['sub', 'iat', 'exp'],
      clockTolerance: options.clockToleranceSeconds ?? 30,
    });
    claims = payload as unknown as ItsmeClaims;
  } catch (cause) {
    const code = (cause as { code?: string }).code ?? '';
    const reason = code.startsWith('ERR_JWT_') ? 'claims-invalid' : 'signature-invalid';
    throw new ItsmeIdTokenError(reason, (cause as Error).message, { cause });
  }
  if (!acrSatisfies(claims.acr, options.requiredAcr)) {
    throw new ItsmeIdTokenError('acr-too-low', `acr ${String(claims.acr)} voldoet niet aan ${options.requiredAcr}`);
  }
  return { jws, claims };
}
