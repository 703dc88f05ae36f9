import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { JsonWebKey as NodeJwk } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import type { Provider as OidcProvider } from 'oidc-provider';

type IdTokenInstance = InstanceType<OidcProvider['IdToken']>;
import { testPersonList } from '@/tooling/demo/test-persons';
import { standinConfiguration } from './configuration';
import { createInteractionHandler } from './interactions';
import { PersonStore } from './persons';
import type { StandinPerson } from './persons';
import { issueTamperedIdToken } from './tamper';
import type { StandinTamper } from './tamper';

export type StandinOptions = {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  clientId: string;
  serviceCode: string;
  redirectUris: string[];
  /** The relying party's JWKS URL (its /.well-known/jwks.json): fetched, as itsme does. */
  clientJwksUri: string;
  persons?: StandinPerson[];
  /** Where persons made with 'Nieuwe persoon' are kept across restarts (omit: memory only). */
  personsFile?: string;
  tamper?: StandinTamper;
};

export type RunningStandin = {
  issuer: string;
  persons: PersonStore;
  /** Test-only: spoil the next ID tokens this way ('none' restores honest tokens). */
  setTamper(mode: StandinTamper): void;
  close(): Promise<void>;
};

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
/** itsme's issuer has a path (https://idp.prd.itsme.services/v2): so has the stand-in's. */
const MOUNT_PATH = '/v2';

function signingJwk(): NodeJwk & { kid: string } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = `standin-${randomBytes(8).toString('base64url')}`;
  return { ...privateKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' } as NodeJwk & { kid: string };
}

/** One of the client's published encryption keys, picked as itsme does (any of them). */
async function clientEncryptionJwk(uri: string): Promise<NodeJwk & { kid?: string }> {
  const jwks = (await (await fetch(uri)).json()) as { keys: (NodeJwk & { kid?: string; use?: string })[] };
  const keys = jwks.keys.filter((k) => k.use === 'enc');
  const key = keys[Math.floor(Math.random() * keys.length)];
  if (!key) throw new Error('De client-JWKS heeft geen sleutel met use "enc"');
  return key;
}

/**
 * Starts the itsme stand-in: panva's oidc-provider configured as strictly as itsme documents,
 * with a Dutch login page listing test persons. Development and tests only; loopback only.
 */
export async function startStandin(options: StandinOptions): Promise<RunningStandin> {
  if (process.env.NODE_ENV === 'production' || process.env.APP_ENV === 'production') {
    throw new Error('De itsme-stand-in start niet in productie (NODE_ENV of APP_ENV is "production").');
  }
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) throw new Error(`De itsme-stand-in luistert alleen op loopback, niet op ${host}.`);

  const server = createServer();
  // A client reusing an idle connection the moment the server closes it gets ECONNRESET; with
  // tests generating RSA keys in the same process, timers run late. The server announces this
  // timeout (Keep-Alive: timeout=30), so clients close idle connections first.
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://${host.includes(':') ? `[${host}]` : host}:${port}${MOUNT_PATH}`;

  const persons = new PersonStore(options.persons ?? testPersonList, options.personsFile);
  const key = signingJwk();
  const provider = new Provider(
    issuer,
    standinConfiguration({
      clientJwksUri: options.clientJwksUri,
      mountPath: MOUNT_PATH,
      clientId: options.clientId,
      serviceCode: options.serviceCode,
      redirectUris: options.redirectUris,
      signingJwk: key,
      persons,
    }),
  );

  // Say why a request was refused, as itsme's own error_description would (development aid).
  for (const event of ['grant.error', 'authorization.error', 'server_error'] as const) {
    (provider as unknown as { on(e: string, f: (ctx: unknown, err: { message: string; error_detail?: string }) => void): void }).on(
      event,
      (_ctx, err) => {
        if (process.env.STANDIN_QUIET !== '1') console.error(`[itsme-stand-in] ${event}: ${err.message}${err.error_detail ? ` (${err.error_detail})` : ''}${(err as { error_description?: string }).error_description ? `: ${(err as { error_description?: string }).error_description}` : ''}`);
      },
    );
  }

  let tamper: StandinTamper = options.tamper ?? 'none';
  const honestIssue = provider.IdToken.prototype.issue;
  provider.IdToken.prototype.issue = async function (this: IdTokenInstance, issueOptions) {
    if (issueOptions?.use !== 'idtoken' || tamper === 'none') return honestIssue.call(this, issueOptions);
    const clientEncryption = await clientEncryptionJwk(options.clientJwksUri);
    return issueTamperedIdToken(tamper, await this.payload(), {
      issuer,
      clientId: this.client.clientId,
      signingJwk: key,
      clientEncryptionJwk: clientEncryption,
    });
  };

  const interactions = createInteractionHandler(provider, persons, MOUNT_PATH);
  const oidc = provider.callback();
  server.on('request', (req, res) => {
    // Everything lives under the issuer's path; oidc-provider reads the mount from originalUrl.
    const original = req.url ?? '/';
    if (original !== MOUNT_PATH && !original.startsWith(`${MOUNT_PATH}/`) && !original.startsWith(`${MOUNT_PATH}?`)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Niet gevonden.');
      return;
    }
    (req as typeof req & { originalUrl?: string }).originalUrl = original;
    req.url = original.slice(MOUNT_PATH.length) || '/';
    interactions(req, res)
      .then((handled) => {
        if (!handled) oidc(req, res);
      })
      .catch((error: unknown) => {
        console.error('[itsme-stand-in]', error);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Interne fout in de itsme-stand-in.');
      });
  });

  return {
    issuer,
    persons,
    setTamper(mode) {
      tamper = mode;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
