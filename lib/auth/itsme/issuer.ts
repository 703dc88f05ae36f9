import { createRemoteJWKSet } from 'jose';
import type { JWTVerifyGetKey } from 'jose';
import { z } from 'zod';

const discoverySchema = z.object({
  issuer: z.string(),
  token_endpoint: z.url(),
  jwks_uri: z.url(),
});

export type ItsmeIssuer = {
  issuer: string;
  tokenEndpoint: string;
  /** itsme's signing keys, fetched from jwks_uri and refreshed by jose on an unknown kid. */
  keys: JWTVerifyGetKey;
};

const cache = new Map<string, Promise<ItsmeIssuer>>();

async function discover(issuer: string): Promise<ItsmeIssuer> {
  const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  const response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(5000) });
  if (!response.ok) throw new Error(`itsme-discovery ${url} antwoordde ${response.status}`);
  const metadata = discoverySchema.parse(await response.json());
  if (metadata.issuer !== issuer) {
    throw new Error(`itsme-discovery meldt issuer ${metadata.issuer}, verwacht ${issuer}`);
  }
  return {
    issuer,
    tokenEndpoint: metadata.token_endpoint,
    keys: createRemoteJWKSet(new URL(metadata.jwks_uri), { cacheMaxAge: 30 * 60_000 }),
  };
}

/** The issuer's token endpoint and key set, discovered once per process (retried after a failure). */
export function itsmeIssuer(issuer: string): Promise<ItsmeIssuer> {
  let pending = cache.get(issuer);
  if (!pending) {
    pending = discover(issuer);
    cache.set(issuer, pending);
    pending.catch(() => cache.delete(issuer));
  }
  return pending;
}
