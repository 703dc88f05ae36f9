// npm run itsme:keys — a fresh private JWKS for ITSME_PRIVATE_JWKS (stdout) and its public half (stderr).
import { generateRpPrivateJwks, toPublicJwks } from '../lib/auth/itsme/keys';

const privateJwks = generateRpPrivateJwks();

process.stderr.write(
  [
    'Nieuwe itsme-sleutels (één RS256-ondertekeningssleutel, één RSA-OAEP-256-versleutelingssleutel).',
    'stdout: de PRIVATE JWKS, op één regel: zet die geheim in ITSME_PRIVATE_JWKS.',
    'Hieronder de publieke JWKS: die serveert de app zelf op /.well-known/jwks.json (registreer die URL bij itsme).',
    'Publiceer nieuwe sleutels minstens 24 uur vóór je ze gebruikt: itsme bewaart de JWKS tot 24 uur in cache.',
    '',
    JSON.stringify(toPublicJwks(privateJwks), null, 2),
    '',
  ].join('\n'),
);
process.stdout.write(`${JSON.stringify(privateJwks)}\n`);
