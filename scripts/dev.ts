/**
 * `npm run dev`: the whole product on one command — the itsme stand-in (unless ITSME_ISSUER
 * points elsewhere) and `next dev`, which migrates and seeds the embedded database at start.
 */
import './lib/load-env';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { rpPrivateJwks } from '@/lib/auth/itsme/keys';
import { DATA_DIR, env, standinIssuerFor } from '@/lib/config/env';
import { developmentHost } from '@/lib/server/development-logging';
import { startStandin } from '@/tooling/itsme-standin';
import { authUrlFor } from './lib/auth-url';

const config = env();
const standinIssuer = standinIssuerFor(config.ITSME_STANDIN_PORT);
const useStandin = config.ITSME_ISSUER === standinIssuer;

// The development keys are generated here, before the app and the stand-in read them.
rpPrivateJwks();

const standin = useStandin
  ? await startStandin({
      port: config.ITSME_STANDIN_PORT,
      clientId: config.ITSME_CLIENT_ID,
      serviceCode: config.ITSME_SERVICE_CODE,
      redirectUris: [`${config.APP_URL}/api/auth/callback/itsme`],
      // Fetched from the app as itsme does; persons made with 'Nieuwe persoon' outlive a restart.
      clientJwksUri: `${config.APP_URL}/.well-known/jwks.json`,
      personsFile: path.join(DATA_DIR, 'itsme-standin-persons.json'),
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
