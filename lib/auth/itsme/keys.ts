import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DATA_DIR, env } from '@/lib/config/env';

/**
 * Our (the relying party's) keys for itsme: RSA keys to sign client assertions and RSA keys
 * itsme encrypts ID tokens to. Each key has a rotation `status` (a private JWK member, never
 * published): `current` (in use), `next` (published ahead, so itsme's cache of 30 min – 24 h
 * already holds it when it becomes current) or `retired` (an encryption key no longer published
 * but still tried for decryption until no token encrypted to it can arrive). The README's
 * "Key rotation" section gives the steps; `npm run itsme:keys -- rotate <step>` performs them.
 */

const b64u = z.string().regex(/^[A-Za-z0-9_-]+$/, 'geen base64url');

export const JWE_ALGORITHMS = ['RSA-OAEP-256', 'RSA-OAEP'] as const;
export type JweAlgorithm = (typeof JWE_ALGORITHMS)[number];
export const KEY_STATUSES = ['current', 'next', 'retired'] as const;
export type KeyStatus = (typeof KEY_STATUSES)[number];

const privateRsaJwk = z.object({
  kty: z.literal('RSA'),
  kid: z.string().min(1),
  use: z.enum(['sig', 'enc']),
  alg: z.enum(['RS256', ...JWE_ALGORITHMS]),
  status: z.enum(KEY_STATUSES).default('current'),
  n: b64u,
  e: b64u,
  d: b64u,
  p: b64u,
  q: b64u,
  dp: b64u,
  dq: b64u,
  qi: b64u,
});

const count = (keys: PrivateRsaJwk[], use: 'sig' | 'enc', status: KeyStatus) =>
  keys.filter((k) => k.use === use && k.status === status).length;

const privateJwksSchema = z
  .object({ keys: z.array(privateRsaJwk).min(2) })
  .refine((s) => s.keys.every((k) => (k.use === 'sig') === (k.alg === 'RS256')), {
    message: 'een sleutel met use "sig" heeft alg "RS256", een met use "enc" RSA-OAEP-256 of RSA-OAEP',
  })
  .refine((s) => count(s.keys, 'sig', 'current') === 1, {
    message: 'precies één huidige (status "current") sleutel met use "sig" en alg "RS256" nodig',
  })
  .refine((s) => count(s.keys, 'enc', 'current') === 1, {
    message: 'precies één huidige (status "current") sleutel met use "enc" nodig',
  })
  .refine((s) => count(s.keys, 'sig', 'next') <= 1 && count(s.keys, 'enc', 'next') <= 1, {
    message: 'hoogstens één volgende (status "next") sleutel per use',
  })
  .refine((s) => count(s.keys, 'sig', 'retired') === 0, {
    message: 'een afgedankte ondertekeningssleutel dient nergens meer voor: verwijder hem',
  })
  .refine((s) => new Set(s.keys.map((k) => k.kid)).size === s.keys.length, {
    message: 'elke kid moet uniek zijn',
  });

export type PrivateRsaJwk = z.infer<typeof privateRsaJwk>;
export type PublicRsaJwk = Pick<PrivateRsaJwk, 'kty' | 'kid' | 'use' | 'alg' | 'n' | 'e'>;
export type PrivateJwks = { keys: PrivateRsaJwk[] };
export type PublicJwks = { keys: PublicRsaJwk[] };

export const RP_PRIVATE_JWKS_FILE = 'itsme-rp-private.jwks.json';

function generateRsaJwk(use: 'sig' | 'enc', status: KeyStatus, encAlg: JweAlgorithm): PrivateRsaJwk {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' });
  return privateRsaJwk.parse({
    ...jwk,
    kid: `${use}-${randomBytes(12).toString('base64url')}`,
    use,
    alg: use === 'sig' ? 'RS256' : encAlg,
    status,
  });
}

/** A fresh private JWKS: one current RS256 signing key and one current encryption key. */
export function generateRpPrivateJwks(encAlg: JweAlgorithm = 'RSA-OAEP-256'): PrivateJwks {
  return { keys: [generateRsaJwk('sig', 'current', encAlg), generateRsaJwk('enc', 'current', encAlg)] };
}

export type RotationStep = 'add-next' | 'promote' | 'drop-retired';

/**
 * One step of a key rotation, on a private JWKS (pure apart from generating keys):
 * `add-next` publishes a new signing and encryption key ahead of use; `promote` makes them
 * current, drops the old signing key and retires the old encryption key (private, still
 * decrypting); `drop-retired` removes retired keys once no token encrypted to them can arrive.
 */
export function rotatePrivateJwks(jwks: PrivateJwks, step: RotationStep): PrivateJwks {
  const keys = jwks.keys;
  const has = (status: KeyStatus) => keys.some((k) => k.status === status);
  if (step === 'add-next') {
    if (has('next')) throw new Error('Er zijn al volgende sleutels: voer eerst "promote" uit.');
    const encAlg = (keys.find((k) => k.use === 'enc' && k.status === 'current')?.alg ?? 'RSA-OAEP-256') as JweAlgorithm;
    return { keys: [...keys, generateRsaJwk('sig', 'next', encAlg), generateRsaJwk('enc', 'next', encAlg)] };
  }
  if (step === 'promote') {
    if (!(['sig', 'enc'] as const).every((use) => keys.some((k) => k.use === use && k.status === 'next'))) {
      throw new Error('Geen volgende sig- en enc-sleutel: voer eerst "add-next" uit (en wacht 24 uur).');
    }
    return {
      keys: keys.flatMap((k): PrivateRsaJwk[] => {
        if (k.status === 'next') return [{ ...k, status: 'current' }];
        if (k.status === 'current') return k.use === 'enc' ? [{ ...k, status: 'retired' }] : [];
        return [k];
      }),
    };
  }
  return { keys: keys.filter((k) => k.status !== 'retired') };
}

/** The key that signs our client assertions. */
export function currentSigningKey(jwks: PrivateJwks): PrivateRsaJwk {
  const key = jwks.keys.find((k) => k.use === 'sig' && k.status === 'current');
  if (!key) throw new Error('Geen huidige itsme-ondertekeningssleutel (use "sig", status "current")');
  return key;
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

/** The public half of a private JWKS: what itsme may see, the current and next keys only. */
export function toPublicJwks(jwks: PrivateJwks): PublicJwks {
  return {
    keys: jwks.keys
      .filter((k) => k.status !== 'retired')
      .map(({ kty, kid, use, alg, n, e }) => ({ kty, kid, use, alg, n, e })),
  };
}

/** Our public JWKS, as published at /.well-known/jwks.json. */
export function rpPublicJwks(): PublicJwks {
  return toPublicJwks(rpPrivateJwks());
}
