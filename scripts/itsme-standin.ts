// npm run itsme:standin — the itsme stand-in for development, configured from the environment.
import './lib/load-env';
import path from 'node:path';
import { DATA_DIR, env } from '../lib/config/env';
import { startStandin } from '../tooling/itsme-standin';

const config = env();
const standin = await startStandin({
  port: config.ITSME_STANDIN_PORT,
  clientId: config.ITSME_CLIENT_ID,
  serviceCode: config.ITSME_SERVICE_CODE,
  redirectUris: [`${config.APP_URL}/api/auth/callback/itsme`],
  clientJwksUri: `${config.APP_URL}/.well-known/jwks.json`,
  personsFile: path.join(DATA_DIR, 'itsme-standin-persons.json'),
});

console.log(`itsme-stand-in luistert op ${standin.issuer}`);
if (config.ITSME_ISSUER !== standin.issuer) {
  console.warn(`Let op: ITSME_ISSUER is ${config.ITSME_ISSUER}; de app gebruikt deze stand-in dan niet.`);
}

function stop() {
  standin.close().then(() => process.exit(0), () => process.exit(1));
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
