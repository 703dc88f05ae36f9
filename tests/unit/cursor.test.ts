import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '@/lib/requests/cursor';

const ID = '11111111-1111-4111-8111-111111111111';
const raw = (createdAt: string) => Buffer.from(`${createdAt}|${ID}`).toString('base64url');

describe('keyset cursor', () => {
  it('round-trips', () => {
    const cursor = { createdAt: '2026-03-01T10:11:12.123456Z', id: ID };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  // Shaped like a timestamp, but no database accepts them: an invalid cursor, never a query error.
  it.each([
    '2026-02-30T10:00:00.000000Z',
    '2025-02-29T10:00:00.000000Z',
    '2026-13-01T10:00:00.000000Z',
    '2026-00-10T10:00:00.000000Z',
    '2026-04-31T10:00:00.000000Z',
    '2026-01-01T24:00:00.000000Z',
    '2026-01-01T23:60:00.000000Z',
    '2026-01-01T23:59:60.000000Z',
    '0000-01-01T00:00:00.000000Z',
  ])('refuses the impossible date %s', (createdAt) => {
    expect(decodeCursor(raw(createdAt))).toBeNull();
  });

  it('accepts a leap day', () => {
    expect(decodeCursor(raw('2024-02-29T23:59:59.999999Z'))).not.toBeNull();
  });
});
