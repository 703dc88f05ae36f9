import { describe, expect, it } from 'vitest';
import nextConfig from '@/next.config';
import { developmentHost, developmentLogging, SECRET_BEARING_URLS } from '@/lib/server/development-logging';

const token = 'q3Zf0bq2m3l1Xo9vS8t7r6p5o4n3m2l1k0j9i8h7g6A';
const logged = (url: string) => !SECRET_BEARING_URLS.some((pattern) => pattern.test(url));

describe('the development log', () => {
  it('never logs a URL with an invitation token, an itsme code or the mailbox', () => {
    for (const url of [
      `/uitnodiging/${token}`,
      `/uitnodiging/${token}?fout=1`,
      `/aanmelden?terug=%2Fuitnodiging%2F${token}`,
      `/api/auth/callback/itsme?code=abc&state=def&iss=x`,
      `/aanmelden/fout?error=AccessDenied&code=abc`,
      '/dev/mailbox/42',
    ]) {
      expect(logged(url), url).toBe(false);
    }
  });

  it('still logs the ordinary pages', () => {
    for (const url of ['/aanvragen?q=willems', '/dossiers/00000000-0000-4000-8000-000000000000', '/mijn-dossiers', '/']) {
      expect(logged(url), url).toBe(true);
    }
  });

  it('is what next.config.ts gives Next, with server-function logging (it prints arguments) off', () => {
    expect(nextConfig.logging).toBe(developmentLogging);
    expect(developmentLogging).toMatchObject({ serverFunctions: false });
  });

  it('binds npm run dev to loopback unless asked', () => {
    expect(developmentHost({})).toBe('127.0.0.1');
    expect(developmentHost({ DIPLON_DEV_HOST: '0.0.0.0' })).toBe('0.0.0.0');
  });
});
