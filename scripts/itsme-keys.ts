// npm run itsme:keys — a fresh private JWKS for ITSME_PRIVATE_JWKS (stdout) and its public half (stderr).
// npm run itsme:keys -- --enc-alg RSA-OAEP            the same, with an RSA-OAEP encryption key
// npm run itsme:keys -- rotate <add-next|promote|drop-retired> < current.json > new.json
//   one step of a key rotation on the private JWKS read from stdin (see the README, "Key rotation").
import { readFileSync } from 'node:fs';
import { generateRpPrivateJwks, JWE_ALGORITHMS, parsePrivateJwks, rotatePrivateJwks, toPublicJwks } from '../lib/auth/itsme/keys';
import type { JweAlgorithm, PrivateJwks, RotationStep } from '../lib/auth/itsme/keys';

const STEPS: RotationStep[] = ['add-next', 'promote', 'drop-retired'];
const args = process.argv.slice(2);

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

let privateJwks: PrivateJwks;
let summary: string;
if (args[0] === 'rotate') {
  const step = args[1] as RotationStep;
  if (!STEPS.includes(step)) fail(`Gebruik: npm run itsme:keys -- rotate <${STEPS.join('|')}> < huidige.json > nieuwe.json`);
  const current = parsePrivateJwks(readFileSync(0, 'utf8'), 'de private JWKS op stdin');
  try {
    privateJwks = rotatePrivateJwks(current, step);
  } catch (error) {
    fail((error as Error).message);
  }
  summary = {
    'add-next': 'Volgende sleutels toegevoegd (status "next"): ze worden gepubliceerd maar nog niet gebruikt. Wacht na het uitrollen minstens 24 uur vóór "promote".',
    promote: 'Volgende sleutels zijn nu in gebruik; de oude versleutelingssleutel is afgedankt (niet meer gepubliceerd, ontsleutelt nog). Wacht minstens 24 uur vóór "drop-retired".',
    'drop-retired': 'Afgedankte sleutels verwijderd.',
  }[step];
} else {
  const algIndex = args.indexOf('--enc-alg');
  const encAlg = (algIndex >= 0 ? args[algIndex + 1] : 'RSA-OAEP-256') as JweAlgorithm;
  if (!JWE_ALGORITHMS.includes(encAlg)) fail(`--enc-alg moet ${JWE_ALGORITHMS.join(' of ')} zijn`);
  privateJwks = generateRpPrivateJwks(encAlg);
  summary = `Nieuwe itsme-sleutels (één RS256-ondertekeningssleutel, één ${encAlg}-versleutelingssleutel).`;
}

process.stderr.write(
  [
    summary,
    'stdout: de PRIVATE JWKS, op één regel: zet die geheim in ITSME_PRIVATE_JWKS.',
    'Hieronder de publieke JWKS: die serveert de app zelf op /.well-known/jwks.json (registreer die URL bij itsme).',
    'Publiceer nieuwe sleutels minstens 24 uur vóór je ze gebruikt: itsme bewaart de JWKS tot 24 uur in cache.',
    '',
    JSON.stringify(toPublicJwks(privateJwks), null, 2),
    '',
  ].join('\n'),
);
process.stdout.write(`${JSON.stringify(privateJwks)}\n`);
