import { CONTACT_ROLES } from '@/lib/codes';
import { isIP } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { authRedirect, safeReturnPath } from '@/lib/auth/safe-return';
import { t } from '@/lib/i18n';
import { inviteRequestSchema } from '@/lib/invites/invite-form-schema';
import { normalizeEmail } from '@/lib/invites/normalize-email';
import { isTokenShaped } from '@/lib/invites/token';
import { decodeCursor } from '@/lib/requests/cursor';
import { clientAddress } from '@/lib/security/client-address';
import { hostileEmail, hostileToken } from '../support/hostile';

/** Property tests of the pure guards, a thousand generated inputs each. */
const RUNS = { numRuns: 1000 };
const DUTCH = new Set<string>(Object.values(t.invite.errors));
const BASE = 'http://diplon.invalid';

describe('e-mail address (Check and Verstuur share this schema)', () => {
  it('is either one plain ASCII address or refused with a Dutch message', () => {
    fc.assert(
      fc.property(hostileEmail, fc.constantFrom(...CONTACT_ROLES), (email, role) => {
        const normalized = normalizeEmail(email);
        const parsed = inviteRequestSchema.safeParse({ email, role });
        expect(parsed.success).toBe(normalized.ok);
        if (!normalized.ok) {
          for (const issue of parsed.error!.issues) expect(DUTCH).toContain(issue.message);
          return;
        }
        // What reaches the mail header: printable ASCII, one @, no header or MIME tricks.
        expect(normalized.email).toMatch(/^[\x21-\x7e]+$/);
        expect(normalized.email.split('@')).toHaveLength(2);
        expect(normalized.email).not.toMatch(/[\r\n"<>,;:\\]|=\?/);
        expect(normalized.email.length).toBeLessThanOrEqual(254);
        expect(normalizeEmail(normalized.email)).toEqual(normalized);
      }),
      RUNS,
    );
  });
});

describe('return path after login', () => {
  const attack = fc.tuple(
    fc.constantFrom('/', '//', '/\\', '/./', '/../', '/%2e%2e/', '/%2E/', '\\\\', 'https://', 'http:', ''),
    fc.constantFrom('', '/', '//', '\\', '.', '..', '%2f', '%5c', '\t', '\n'),
    fc.constantFrom('evil.example', 'evil.example/x?y=1#z', '@evil.example', 'localhost'),
  ).map((parts) => parts.join(''));
  const input = fc.oneof(attack, fc.string({ unit: 'binary', maxLength: 60 }), fc.webPath(), fc.webUrl());

  it('is always a path on this site', () => {
    fc.assert(
      fc.property(input, (value) => {
        const path = safeReturnPath(value);
        expect(path.startsWith('/')).toBe(true);
        expect(path.startsWith('//')).toBe(false);
        expect(path).not.toContain('\\');
        expect(new URL(path, BASE).origin).toBe(BASE);
      }),
      RUNS,
    );
  });

  it('Auth.js redirects only to this origin', () => {
    const baseUrl = 'https://diplon.example';
    fc.assert(
      fc.property(input, (url) => {
        const target = authRedirect({ url, baseUrl });
        expect(new URL(target).origin).toBe(baseUrl);
        expect(new URL(target).pathname.startsWith('//')).toBe(false);
      }),
      RUNS,
    );
  });
});

describe('link token, page cursor and forwarded address', () => {
  it('a token is looked up only when it is exactly 43 base64url characters', () => {
    fc.assert(
      fc.property(hostileToken(), (token) => {
        expect(isTokenShaped(token)).toBe(/^[A-Za-z0-9_-]{43}$/.test(token));
      }),
      RUNS,
    );
  });

  it('a cursor is null or a real instant and a uuid', () => {
    const stamp = fc
      .tuple(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }))
      .map(([y, mo, d, h, mi]) => `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}:00.000000Z`);
    const encoded = fc.oneof(
      fc.tuple(stamp, fc.uuid()).map(([s, id]) => Buffer.from(`${s}|${id}`).toString('base64url')),
      fc.string({ unit: 'binary', maxLength: 120 }),
    );
    fc.assert(
      fc.property(encoded, (value) => {
        const cursor = decodeCursor(value);
        if (!cursor) return;
        const date = new Date(cursor.createdAt.slice(0, 23) + 'Z');
        expect(date.toISOString().slice(0, 19)).toBe(cursor.createdAt.slice(0, 19));
        expect(date.getUTCFullYear()).toBeGreaterThanOrEqual(1970);
      }),
      RUNS,
    );
  });

  it('X-Forwarded-For gives an IP address or nothing', () => {
    const entry = fc.oneof(fc.ipV4(), fc.ipV6(), fc.string({ maxLength: 20 }).filter((s) => !s.includes(',')));
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 5 }), fc.integer({ min: 0, max: 3 }), (entries, hops) => {
        const address = clientAddress(entries.join(', '), hops);
        if (address === null) return;
        expect(isIP(address)).toBeGreaterThan(0);
        expect(hops).toBeGreaterThan(0);
        expect(address).toBe(entries.map((e) => e.trim())[entries.length - hops]);
      }),
      RUNS,
    );
  });
});
