import { afterEach, describe, expect, it } from 'vitest';
import { resetEnvCache } from '@/lib/config/env';
import { seal, unseal } from '@/lib/mail/seal';

const secret = 'http://localhost:3000/uitnodiging/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde';

describe('seal', () => {
  afterEach(() => {
    delete process.env.AUTH_SECRET;
    resetEnvCache();
  });

  it('round-trips, and never shows the secret or repeats a ciphertext', () => {
    const a = seal(secret);
    const b = seal(secret);
    expect(unseal(a)).toBe(secret);
    expect(a).not.toBe(b);
    expect(a).not.toContain('uitnodiging');
    expect(a).not.toContain(Buffer.from(secret).toString('base64url').slice(0, 20));
    expect(a).toMatch(/^v1\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
  });

  it('refuses a value that was altered', () => {
    const [v, iv, tag, body] = seal(secret).split('.') as [string, string, string, string];
    const flipped = Buffer.from(body, 'base64url');
    flipped[0]! ^= 1;
    expect(() => unseal([v, iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
    expect(() => unseal(`${v}.${iv}.${tag}`)).toThrow(/unknown format/);
    expect(() => unseal(`v2.${iv}.${tag}.${body}`)).toThrow(/unknown format/);
  });

  it('cannot be opened under another AUTH_SECRET', () => {
    process.env.AUTH_SECRET = 'a'.repeat(40);
    resetEnvCache();
    const sealed = seal(secret);
    process.env.AUTH_SECRET = 'b'.repeat(40);
    resetEnvCache();
    expect(() => unseal(sealed)).toThrow();
  });
});
