import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { resetEnvCache } from '@/lib/config/env';
import BenchControlPage, { dynamic } from '@/app/bench/control/page';

const production: Record<string, string> = {
  APP_ENV: 'production',
  APP_URL: 'https://diplon.example',
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
const saved = Object.fromEntries(Object.keys(production).map((key) => [key, process.env[key]]));

afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetEnvCache();
});

describe('/bench/control', () => {
  it('renders per request outside production, without database or session', () => {
    expect(dynamic).toBe('force-dynamic');
    expect(renderToStaticMarkup(BenchControlPage())).toContain('id="controle-titel"');
  });

  it('does not exist in production', () => {
    Object.assign(process.env, production);
    resetEnvCache();
    expect(() => BenchControlPage()).toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
  });
});
