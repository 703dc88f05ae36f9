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
    expect(env.ITSME_ISSUER).toBe('http://127.0.0.1:3100');
    expect(env.DATABASE_URL).toBeUndefined();
  });
});
