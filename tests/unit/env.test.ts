import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from '@/lib/config/env';

describe('configuration', () => {
  it('names every missing secret when production starts without them', () => {
    let error: unknown;
    try {
      parseEnv({ NODE_ENV: 'production', APP_URL: 'https://diplon.example' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const name of ['DATABASE_URL', 'AUTH_SECRET', 'SMTP_URL', 'ITSME_PRIVATE_JWKS', 'ITSME_SERVICE_CODE']) {
      expect(message).toContain(name);
    }
    expect(message).not.toContain('APP_URL ontbreekt');
  });

  it('refuses a production start without AUTH_URL, or with one that is not APP_URL + /api/auth', () => {
    const complete = {
      APP_ENV: 'production',
      APP_URL: 'https://diplon.example',
      DATABASE_URL: 'postgres://app@127.0.0.1:5432/diplon',
      AUTH_SECRET: 'x'.repeat(40),
      SMTP_URL: 'smtp://127.0.0.1:2525',
      MAIL_FROM: 'Diplon <no-reply@diplon.example>',
      SUPPORT_EMAIL: 'support@diplon.example',
      SUPPORT_PHONE: '011 00 00 00',
      ITSME_ISSUER: 'https://idp.example/v2',
      ITSME_CLIENT_ID: 'diplon',
      ITSME_SERVICE_CODE: 'DIPLON',
      ITSME_PRIVATE_JWKS: '{"keys":[]}',
    };
    expect(() => parseEnv(complete)).toThrow(/AUTH_URL ontbreekt/);
    expect(() => parseEnv({ ...complete, AUTH_URL: 'https://evil.example/api/auth' })).toThrow(/AUTH_URL is https:\/\/evil\.example/);
    expect(() => parseEnv({ ...complete, AUTH_URL: 'https://diplon.example' })).toThrow(/verwacht https:\/\/diplon\.example\/api\/auth/);
    expect(parseEnv({ ...complete, AUTH_URL: 'https://diplon.example/api/auth' }).AUTH_URL).toBe('https://diplon.example/api/auth');
  });

  it('accepts RSA-OAEP besides RSA-OAEP-256 only when configured, and asks names by claims unless told', () => {
    expect(parseEnv({ APP_ENV: 'test' }).ITSME_JWE_ALGS).toEqual(['RSA-OAEP-256']);
    expect(parseEnv({ APP_ENV: 'test', ITSME_JWE_ALGS: 'RSA-OAEP-256, RSA-OAEP' }).ITSME_JWE_ALGS).toEqual(['RSA-OAEP-256', 'RSA-OAEP']);
    expect(() => parseEnv({ APP_ENV: 'test', ITSME_JWE_ALGS: 'RSA1_5' })).toThrow(/ITSME_JWE_ALGS/);
    expect(parseEnv({ APP_ENV: 'test' }).ITSME_CLAIMS_REQUEST).toBe('claims');
    expect(() => parseEnv({ APP_ENV: 'test', ITSME_CLAIMS_REQUEST: 'alles' })).toThrow(/ITSME_CLAIMS_REQUEST/);
  });

  it('names a malformed variable', () => {
    expect(() => parseEnv({ APP_ENV: 'test', SUPPORT_EMAIL: 'geen-adres' })).toThrow(/SUPPORT_EMAIL/);
    expect(() => parseEnv({ APP_ENV: 'test', DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });

  it('trusts no forwarding proxy unless told, and refuses a hop count that is not a small whole number', () => {
    expect(parseEnv({ APP_ENV: 'test' }).TRUSTED_PROXY_HOPS).toBe(0);
    expect(parseEnv({ APP_ENV: 'test', TRUSTED_PROXY_HOPS: '2' }).TRUSTED_PROXY_HOPS).toBe(2);
    for (const bad of ['-1', '1.5', 'een', '11']) {
      expect(() => parseEnv({ APP_ENV: 'test', TRUSTED_PROXY_HOPS: bad })).toThrow(/TRUSTED_PROXY_HOPS/);
    }
  });

  it('has development defaults and generates the auth secret', () => {
    const env = parseEnv({ APP_ENV: 'development' });
    expect(env.APP_NAME).toBe('Diplon');
    expect(env.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(env.ITSME_ISSUER).toBe('http://127.0.0.1:3100/v2');
    expect(env.DATABASE_URL).toBeUndefined();
  });
});
