/**
 * `npm run dev`: the whole product on one command — the itsme stand-in (unless ITSME_ISSUER
 * points elsewhere) and `next dev`, which migrates and seeds the embedded database at start.
 */
import { spawn } from 'node:child_process';
import { rpPublicJwks } from '@/lib/auth/itsme/keys';
import { env } from '@/lib/config/env';
import { developmentHost } from '@/lib/server/development-logging';
import { startStandin } from '@/tooling/itsme-standin';
import { authUrlFor } from './lib/auth-url';

const config = env();
const standinIssuer = `http://127.0.0.1:${config.ITSME_STANDIN_PORT}`;
const useStandin = config.ITSME_ISSUER === standinIssuer;

const standin = useStandin
  ? await startStandin({
      port: config.ITSME_STANDIN_PORT,
      clientId: config.ITSME_CLIENT_ID,
      serviceCode: config.ITSME_SERVICE_CODE,
      redirectUris: [`${config.APP_URL}/api/auth/callback/itsme`],
      clientJwks: rpPublicJwks(),
    })
  : null;
console.log(useStandin ? `itsme-stand-in: ${standinIssuer}` : `itsme: ${config.ITSME_ISSUER}`);

const port = new URL(config.APP_URL).port || '3000';
// Loopback only: the development mailbox holds live invitation links.
const host = developmentHost();
console.log(`app: http://${host}:${port} (${config.APP_URL})`);
const next = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'dev', '-p', port, '-H', host], {
  stdio: 'inherit',
  env: { ...process.env, AUTH_URL: process.env.AUTH_URL || authUrlFor(config.APP_URL) },
});

async function stop(code: number) {
  next.kill('SIGTERM');
  await standin?.close();
  process.exit(code);
}
next.on('exit', (code) => void stop(code ?? 0));
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
