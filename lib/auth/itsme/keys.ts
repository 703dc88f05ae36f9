import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DATA_DIR, env } from '@/lib/config/env';

/**
 * Our (the relying party's) keys for itsme: one RSA key to sign client assertions and one RSA
 * key itsme encrypts ID tokens to. The public half is published at /.well-known/jwks.json.
 */

const b64u = z.string().regex(/^[A-Za-z0-9_-]+$/, 'geen base64url');

const privateRsaJwk = z.object({
  kty: z.literal('RSA'),
  kid: z.string().min(1),
  use: z.enum(['sig', 'enc']),
  alg: z.enum(['RS256', 'RSA-OAEP-256']),
  n: b64u,
  e: b64u,
  d: b64u,
  p: b64u,
  q: b64u,
  dp: b64u,
  dq: b64u,
  qi: b64u,
});

const privateJwksSchema = z
  .object({ keys: z.array(privateRsaJwk).min(2) })
  .refine((s) => s.keys.some((k) => k.use === 'sig' && k.alg === 'RS256'), {
    message: 'minstens één sleutel met use "sig" en alg "RS256" nodig',
  })
  .refine((s) => s.keys.some((k) => k.use === 'enc' && k.alg === 'RSA-OAEP-256'), {
    message: 'minstens één sleutel met use "enc" en alg "RSA-OAEP-256" nodig',
  })
  .refine((s) => new Set(s.keys.map((k) => k.kid)).size === s.keys.length, {
    message: 'elke kid moet uniek zijn',
  });

export type PrivateRsaJwk = z.infer<typeof privateRsaJwk>;
export type PublicRsaJwk = Pick<PrivateRsaJwk, 'kty' | 'kid' | 'use' | 'alg' | 'n' | 'e'>;
export type PrivateJwks = { keys: PrivateRsaJwk[] };
export type PublicJwks = { keys: PublicRsaJwk[] };

export const RP_PRIVATE_JWKS_FILE = 'itsme-rp-private.jwks.json';

function generateRsaJwk(use: 'sig' | 'enc'): PrivateRsaJwk {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' });
  return privateRsaJwk.parse({
    ...jwk,
    kid: `${use}-${randomBytes(12).toString('base64url')}`,
    use,
    alg: use === 'sig' ? 'RS256' : 'RSA-OAEP-256',
  });
}

/** A fresh private JWKS: one RS256 signing key and one RSA-OAEP-256 encryption key. */
export function generateRpPrivateJwks(): PrivateJwks {
  return { keys: [generateRsaJwk('sig'), generateRsaJwk('enc')] };
}

/** Validates a private JWKS given as JSON text; `source` names where it came from. */
export function parsePrivateJwks(json: string, source: string): PrivateJwks {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error(`${source} is geen geldige JSON (invalid JSON); maak een nieuwe met npm run itsme:keys`);
  }
  const result = privateJwksSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || '(jwks)'}: ${i.message}`);
    throw new Error(`${source} is geen geldige private JWKS (malformed): ${problems.join('; ')}`);
  }
  return result.data;
}

function readOrCreateDevJwks(): PrivateJwks {
  const file = path.join(DATA_DIR, RP_PRIVATE_JWKS_FILE);
  if (!existsSync(file)) {
    mkdirSync(DATA_DIR, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(generateRpPrivateJwks()), { mode: 0o600 });
    try {
      // link() is atomic and fails if another process (dev server, stand-in) won the race.
      linkSync(temp, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(temp);
    }
  }
  return parsePrivateJwks(readFileSync(file, 'utf8'), file);
}

/** Our private JWKS: from ITSME_PRIVATE_JWKS, or outside production from `.data/`. */
export function rpPrivateJwks(): PrivateJwks {
  const config = env();
  if (config.ITSME_PRIVATE_JWKS) return parsePrivateJwks(config.ITSME_PRIVATE_JWKS, 'ITSME_PRIVATE_JWKS');
  if (config.APP_ENV === 'production') {
    throw new Error('ITSME_PRIVATE_JWKS ontbreekt (verplicht in productie; missing in production)');
  }
  return readOrCreateDevJwks();
}

/** The public half of a private JWKS: what itsme may see. */
export function toPublicJwks(jwks: PrivateJwks): PublicJwks {
  return { keys: jwks.keys.map(({ kty, kid, use, alg, n, e }) => ({ kty, kid, use, alg, n, e })) };
}

/** Our public JWKS, as published at /.well-known/jwks.json. */
export function rpPublicJwks(): PublicJwks {
  return toPublicJwks(rpPrivateJwks());
}
