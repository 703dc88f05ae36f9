import { describe, expect, it } from 'vitest';
import { authRedirect, safeReturnPath } from '@/lib/auth/safe-return';

const OPEN_REDIRECTS = [
  'https://evil.example/',
  'http://evil.example',
  '//evil.example/x',
  '///evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '/..//evil.example',
  '/.//evil.example',
  '/a/../..//evil.example',
  '/%2e%2e//evil.example',
  '/%2E//evil.example',
  '/\t/evil.example',
  'javascript:alert(1)',
  '/ok\r\nSet-Cookie: x',
  '',
];

describe('return path after login', () => {
  it.each([
    ['/dossiers/abc', '/dossiers/abc'],
    ['/aanvragen?status=draft', '/aanvragen?status=draft'],
    ['/uitnodiging/abc#x', '/uitnodiging/abc#x'],
    // Encoded slashes stay encoded: a path on this site, never a host.
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
  ])('%s → %s', (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });

  it.each(OPEN_REDIRECTS)('refuses %j', (input) => {
    expect(safeReturnPath(input)).toBe('/');
  });
});

describe('Auth.js redirect callback', () => {
  const baseUrl = 'https://diplon.example';

  it('keeps same-origin paths and absolute URLs of this site', () => {
    expect(authRedirect({ url: '/dossiers/x?y=1', baseUrl })).toBe('https://diplon.example/dossiers/x?y=1');
    expect(authRedirect({ url: 'https://diplon.example/aanvragen', baseUrl })).toBe('https://diplon.example/aanvragen');
  });

  it.each([...OPEN_REDIRECTS, 'https://diplon.example.evil.example/', 'https://diplon.example@evil.example/', 'evil', '%2F%2Fevil.example'])(
    'sends %j home',
    (url) => {
      expect(authRedirect({ url, baseUrl })).toBe('https://diplon.example/');
    },
  );
});
