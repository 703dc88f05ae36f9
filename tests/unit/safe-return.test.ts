import { describe, expect, it } from 'vitest';
import { safeReturnPath } from '@/lib/auth/safe-return';

describe('return path after login', () => {
  it.each([
    ['/dossiers/abc', '/dossiers/abc'],
    ['/aanvragen?status=draft', '/aanvragen?status=draft'],
    ['https://evil.example/', '/'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/ok\r\nSet-Cookie: x', '/'],
    ['', '/'],
  ])('%s → %s', (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });
});
