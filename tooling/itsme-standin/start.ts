import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { JsonWebKey as NodeJwk } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import type { IdTokenInstance } from 'oidc-provider';
import { testPersonList } from '@/tooling/demo/test-persons';
import { standinConfiguration } from './configuration';
import type { ClientKeys } from './configuration';
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
  clientJwks?: { keys: object[] };
  clientJwksUri?: string;
  persons?: StandinPerson[];
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

function signingJwk(): NodeJwk & { kid: string } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = `standin-${randomBytes(8).toString('base64url')}`;
  return { ...privateKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' } as NodeJwk & { kid: string };
}

async function clientEncryptionJwk(options: StandinOptions): Promise<NodeJwk & { kid?: string }> {
  const jwks = options.clientJwks ?? ((await (await fetch(options.clientJwksUri!)).json()) as { keys: object[] });
  const key = (jwks.keys as (NodeJwk & { kid?: string; use?: string })[]).find((k) => k.use === 'enc');
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
  if (!options.clientJwks === !options.clientJwksUri) {
    throw new Error('Geef precies één van clientJwks of clientJwksUri.');
  }
  const clientKeys: ClientKeys = options.clientJwks
    ? { clientJwks: options.clientJwks }
    : { clientJwksUri: options.clientJwksUri! };

  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  const persons = new PersonStore(options.persons ?? testPersonList);
  const key = signingJwk();
  const provider = new Provider(
    issuer,
    standinConfiguration({
      ...clientKeys,
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
        if (process.env.STANDIN_QUIET !== '1') console.error(`[itsme-stand-in] ${event}: ${err.message}${err.error_detail ? ` (${err.error_detail})` : ''}`);
      },
    );
  }

  let tamper: StandinTamper = options.tamper ?? 'none';
  const honestIssue = provider.IdToken.prototype.issue;
  provider.IdToken.prototype.issue = async function (this: IdTokenInstance, issueOptions) {
    if (issueOptions?.use !== 'idtoken' || tamper === 'none') return honestIssue.call(this, issueOptions);
    const clientEncryption = await clientEncryptionJwk(options);
    return issueTamperedIdToken(tamper, await this.payload(), {
      issuer,
      clientId: this.client.clientId,
      signingJwk: key,
      clientEncryptionJwk: clientEncryption,
    });
  };

  const interactions = createInteractionHandler(provider, persons);
  const oidc = provider.callback();
  server.on('request', (req, res) => {
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
