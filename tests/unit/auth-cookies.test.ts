import { afterEach, describe, expect, it } from 'vitest';
import { authConfig } from '@/lib/auth/auth';
import { resetEnvCache } from '@/lib/config/env';

/** Over https (production) the cookies carry the __Host-/__Secure- prefixes; the e2e stack runs on http, so this is checked here. */
describe('session cookie', () => {
  const appUrl = process.env.APP_URL;
  afterEach(() => {
    if (appUrl === undefined) delete process.env.APP_URL;
    else process.env.APP_URL = appUrl;
    resetEnvCache();
  });

  it('is __Host-, Secure, HttpOnly, SameSite=Lax and path / over https, and Auth.js prefixes its own cookies', () => {
    process.env.APP_URL = 'https://diplon.example';
    resetEnvCache();
    const config = authConfig();
    expect(config.useSecureCookies).toBe(true);
    expect(config.cookies?.sessionToken).toEqual({
      name: '__Host-diplon.session',
      options: { httpOnly: true, sameSite: 'lax', path: '/', secure: true },
    });
  });

  it('has no prefix over plain http (local development and tests), still HttpOnly and SameSite=Lax', () => {
    process.env.APP_URL = 'http://localhost:3000';
    resetEnvCache();
    const config = authConfig();
    expect(config.useSecureCookies).toBe(false);
    expect(config.cookies?.sessionToken).toMatchObject({ name: 'diplon.session', options: { httpOnly: true, sameSite: 'lax' } });
  });
});
