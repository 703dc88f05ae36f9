import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { env } from '@/lib/config/env';

const VERSION = 'v1';
let cachedKey: { secret: string; key: Buffer } | undefined;

function key(): Buffer {
  const secret = env().AUTH_SECRET;
  if (cachedKey?.secret !== secret) {
    cachedKey = { secret, key: Buffer.from(hkdfSync('sha256', secret, 'diplon-mail-outbox', 'seal-v1', 32)) };
  }
  return cachedKey.key;
}

/**
 * Encrypts a secret (the invitation link) for its short stay in the outbox, so the database
 * never holds a usable token in clear: AES-256-GCM with a key derived from AUTH_SECRET (HKDF),
 * a fresh 96-bit nonce per value. Format: `v1.<iv>.<tag>.<ciphertext>`, base64url parts.
 */
export function seal(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

/** Decrypts a sealed value; throws when it was altered or sealed under another AUTH_SECRET. */
export function unseal(sealed: string): string {
  const [version, iv, tag, body, extra] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined || extra !== undefined) {
    throw new Error('sealed value has an unknown format');
  }
  const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'), { authTagLength: 16 });
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}
