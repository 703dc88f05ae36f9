import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * Configuration from the environment, validated once. In development and test, secrets that
 * are missing are generated into `.data/` (never committed); in production every secret must
 * be set and a missing one stops the start with its name.
 */

export const DATA_DIR = path.resolve(/* turbopackIgnore: true */ process.env.DIPLON_DATA_DIR ?? '.data');

const appEnv = z.enum(['development', 'test', 'production']);
export type AppEnv = z.infer<typeof appEnv>;

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const schema = z.object({
  APP_ENV: appEnv,
  APP_NAME: z.string().min(1).default('Diplon'),
  APP_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:3000'),
  DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  PGLITE_DIR: z.string().min(1).default(path.join(DATA_DIR, 'pglite')),
  AUTH_SECRET: optionalString.pipe(z.string().min(32, 'minstens 32 tekens').optional()),
  SMTP_URL: optionalString.pipe(z.url({ protocol: /^smtps?$/ }).optional()),
  MAIL_FROM: z.string().min(3).default('Diplon <no-reply@diplon.example>'),
  SUPPORT_EMAIL: z.email().default('support@diplon.example'),
  SUPPORT_PHONE: z.string().min(6).default('011 00 00 00'),
  ITSME_ISSUER: optionalString.pipe(z.url().optional()),
  ITSME_CLIENT_ID: z.string().min(1).default('diplon-dev'),
  ITSME_SERVICE_CODE: z.string().min(1).default('DIPLON_DEV'),
  ITSME_ACR: z
    .enum(['http://itsme.services/v2/claim/acr_basic', 'http://itsme.services/v2/claim/acr_advanced'])
    .default('http://itsme.services/v2/claim/acr_basic'),
  ITSME_PRIVATE_JWKS: optionalString,
  // JWE key management algorithms accepted on itsme's ID token (its docs show RSA-OAEP-256; RSA-OAEP is unverified).
  ITSME_JWE_ALGS: z
    .string()
    .default('RSA-OAEP-256')
    .transform((v) => v.split(',').map((a) => a.trim()).filter(Boolean))
    .pipe(z.array(z.enum(['RSA-OAEP-256', 'RSA-OAEP'])).min(1)),
  // How names and e-mail are asked: 'claims' (the claims parameter only) or 'scope' (also the profile and email scopes).
  ITSME_CLAIMS_REQUEST: z.enum(['claims', 'scope']).default('claims'),
  // Auth.js's own URL (…/api/auth): set, or derived from APP_URL by `npm start` and `npm run dev`.
  AUTH_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  ITSME_STANDIN_PORT: positiveInt(3100),
  SESSION_IDLE_MINUTES: positiveInt(30),
  SESSION_MAX_HOURS: positiveInt(8),
  INVITATION_TTL_DAYS: positiveInt(14),
  RATE_CHECKS_PER_WINDOW: positiveInt(30),
  RATE_INVITES_PER_WINDOW: positiveInt(20),
  RATE_WINDOW_MINUTES: positiveInt(10),
  RATE_TOKEN_LOOKUPS_PER_MINUTE: positiveInt(20),
  // Per person per RATE_WINDOW_MINUTES (lib/rate-limit/limits.ts).
  RATE_DOWNLOADS_PER_WINDOW: positiveInt(200),
  RATE_RELINK_SEARCHES_PER_WINDOW: positiveInt(60),
  RATE_RELINKS_PER_WINDOW: positiveInt(10),
  RATE_REQUESTS_PER_WINDOW: positiveInt(30),
  RATE_UPLOADS_PER_WINDOW: positiveInt(60),
  // Requests to /api/auth/* per client address per minute (a login is one or two; schools share addresses).
  RATE_AUTH_PER_MINUTE: positiveInt(60),
  MAIL_MAX_ATTEMPTS: positiveInt(8),
  /** Largest attachment, in MB (PDF, images, office documents). */
  ATTACHMENT_MAX_MB: positiveInt(10),
  // Reverse proxies in front of the app that append to X-Forwarded-For (0: trust the header not at all).
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
});

export type Env = Omit<z.infer<typeof schema>, 'AUTH_SECRET' | 'ITSME_ISSUER'> & {
  AUTH_SECRET: string;
  ITSME_ISSUER: string;
};

/** Secrets a production start refuses to do without. */
const PRODUCTION_REQUIRED = [
  'APP_URL',
  'DATABASE_URL',
  'AUTH_SECRET',
  'SMTP_URL',
  'MAIL_FROM',
  'SUPPORT_EMAIL',
  'SUPPORT_PHONE',
  'ITSME_ISSUER',
  'ITSME_CLIENT_ID',
  'ITSME_SERVICE_CODE',
  'ITSME_PRIVATE_JWKS',
] as const;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Ongeldige configuratie:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Source = Record<string, string | undefined>;

function resolveAppEnv(source: Source): string {
  if (source.APP_ENV) return source.APP_ENV;
  return source.NODE_ENV === 'production' ? 'production' : 'development';
}

function devSecret(file: string, make: () => string): string {
  const full = path.join(DATA_DIR, file);
  if (existsSync(full)) return readFileSync(full, 'utf8').trim();
  mkdirSync(DATA_DIR, { recursive: true });
  const value = make();
  writeFileSync(full, value, { mode: 0o600 });
  return value;
}

/**
 * Auth.js builds itsme's redirect_uri from AUTH_URL, and without it from the request's Host
 * header (trustHost), which a client chooses: in production it must be set, to APP_URL +
 * /api/auth (which `npm start` derives when it is missing).
 */
function checkAuthUrl(authUrl: string | undefined, appUrl: string): string | undefined {
  const expected = `${appUrl.replace(/\/$/, '')}/api/auth`;
  if (!authUrl) return `AUTH_URL ontbreekt (verplicht in productie): zet ${expected}, of start met npm start, dat hem uit APP_URL afleidt`;
  if (authUrl.replace(/\/$/, '') !== expected) return `AUTH_URL is ${authUrl}, verwacht ${expected} (APP_URL + /api/auth)`;
  return undefined;
}

/** The local itsme stand-in's issuer: with a path, as itsme's own (`…/v2`). */
export function standinIssuerFor(port: number): string {
  return `http://127.0.0.1:${port}/v2`;
}

/** Parses an environment; pure apart from generating development secrets into `.data/`. */
export function parseEnv(source: Source = process.env): Env {
  const raw = { ...source, APP_ENV: resolveAppEnv(source) };
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`),
    );
  }
  const env = result.data;
  if (env.APP_ENV === 'production') {
    const missing = PRODUCTION_REQUIRED.filter((name) => !source[name]?.trim());
    if (missing.length > 0) {
      throw new ConfigError(missing.map((name) => `${name} ontbreekt (verplicht in productie)`));
    }
    const authUrlProblem = checkAuthUrl(env.AUTH_URL, env.APP_URL);
    if (authUrlProblem) throw new ConfigError([authUrlProblem]);
  }
  const standinIssuer = standinIssuerFor(env.ITSME_STANDIN_PORT);
  return {
    ...env,
    AUTH_SECRET: env.AUTH_SECRET ?? devSecret('auth-secret', () => randomBytes(32).toString('base64url')),
    ITSME_ISSUER: env.ITSME_ISSUER ?? standinIssuer,
  };
}

let cached: Env | undefined;

/** The validated configuration of this process (parsed on first use). */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}

/** For tests that change the environment between cases. */
export function resetEnvCache(): void {
  cached = undefined;
}
