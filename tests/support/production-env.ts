import { afterEach } from 'vitest';
import { resetEnvCache } from '@/lib/config/env';

/** A complete production configuration (fictitious values) for tests of production-only behaviour. */
const PRODUCTION: Record<string, string> = {
  APP_ENV: 'production',
  APP_URL: 'https://diplon.example',
  AUTH_URL: 'https://diplon.example/api/auth',
  DATABASE_URL: 'postgres://app@127.0.0.1:5432/diplon',
  AUTH_SECRET: 'x'.repeat(40),
  SMTP_URL: 'smtp://127.0.0.1:2525',
  MAIL_FROM: 'Diplon <no-reply@diplon.example>',
  SUPPORT_EMAIL: 'support@diplon.example',
  SUPPORT_PHONE: '011 00 00 00',
  ITSME_ISSUER: 'https://idp.example',
  ITSME_CLIENT_ID: 'diplon',
  ITSME_SERVICE_CODE: 'DIPLON',
  ITSME_PRIVATE_JWKS: '{"keys":[]}',
};

/**
 * Call at a test file's top level: gives `enterProduction()`, which switches the process to the
 * production configuration; after each test the environment is put back as it was.
 */
export function productionEnvironment(): { enterProduction: () => void } {
  const saved = Object.fromEntries(Object.keys(PRODUCTION).map((key) => [key, process.env[key]]));
  afterEach(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    resetEnvCache();
  });
  return {
    enterProduction: () => {
      Object.assign(process.env, PRODUCTION);
      resetEnvCache();
    },
  };
}
