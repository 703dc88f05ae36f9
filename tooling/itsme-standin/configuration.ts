import { errors, interactionPolicy } from 'oidc-provider';
import type { KoaContextWithOIDC as OidcContext } from 'oidc-provider';
import { randomBytes } from 'node:crypto';
import { ITSME_ACR_ADVANCED, ITSME_ACR_BASIC } from '@/lib/auth/itsme/claims';
import { renderErrorPage } from './login-page';
import { personClaims } from './persons';
import type { PersonStore } from './persons';

export type StandinConfigInput = {
  /** The relying party's published JWKS, fetched from its URL as itsme does. */
  clientJwksUri: string;
  clientId: string;
  serviceCode: string;
  redirectUris: string[];
  signingJwk: object;
  persons: PersonStore;
  /** The issuer's path (`/v2`), under which every route is served. */
  mountPath: string;
};

/** itsme refuses a login without the service scope from onboarding (oidc-provider would drop it). */
function requireServiceScope(serviceCode: string) {
  return async (_ctx: OidcContext, scope: unknown) => {
    const scopes = typeof scope === 'string' ? scope.split(' ') : [];
    if (!scopes.includes(`service:${serviceCode}`)) {
      throw new errors.InvalidScope(`scope service:${serviceCode} is required`, `service:${serviceCode}`);
    }
  };
}

/** itsme: aud is exactly the token endpoint (one string), kid in the header, iss = sub = client_id. */
async function assertItsmeClientAssertion(
  ctx: OidcContext,
  claims: Record<string, unknown>,
  header: Record<string, unknown>,
  client: { clientId: string },
) {
  if (typeof header.kid !== 'string' || header.kid === '') {
    throw new errors.InvalidClientAuth('client_assertion header must contain a kid');
  }
  if (claims.aud !== ctx.oidc.urlFor('token')) {
    throw new errors.InvalidClientAuth('client_assertion aud must be exactly the token endpoint');
  }
  if (claims.sub !== client.clientId) {
    throw new errors.InvalidClientAuth('client_assertion sub must be the client_id');
  }
  if (typeof claims.jti !== 'string' || claims.jti.length > 255) {
    throw new errors.InvalidClientAuth('client_assertion jti must be at most 255 characters');
  }
}

/** No consent screen: the grant is exactly what was asked for. */
async function grantWhatWasAsked(ctx: OidcContext) {
  const { provider, account, client } = ctx.oidc;
  const grant = new provider.Grant({ accountId: account!.accountId, clientId: client!.clientId });
  grant.addOIDCScope([...ctx.oidc.requestParamOIDCScopes].join(' '));
  const claims = [...ctx.oidc.requestParamClaims];
  if (claims.length > 0) grant.addOIDCClaims(claims);
  await grant.save();
  return grant;
}

/** itsme asks for confirmation on every login: no silent login from an earlier session. */
function alwaysLoginPolicy() {
  const policy = interactionPolicy.base();
  const { Check } = interactionPolicy;
  policy.get('login')?.checks.add(
    new Check('itsme_confirms_every_login', 'itsme asks to confirm each login', (ctx) =>
      ctx.oidc.result?.login ? Check.NO_NEED_TO_PROMPT : Check.REQUEST_PROMPT,
    ),
  );
  return policy;
}

export function standinConfiguration(input: StandinConfigInput): Record<string, unknown> {
  const { clientId, serviceCode, redirectUris, signingJwk, persons } = input;
  return {
    clients: [
      {
        client_id: clientId,
        redirect_uris: redirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'private_key_jwt',
        token_endpoint_auth_signing_alg: 'RS256',
        jwks_uri: input.clientJwksUri,
        id_token_signed_response_alg: 'RS256',
        id_token_encrypted_response_alg: 'RSA-OAEP-256',
        id_token_encrypted_response_enc: 'A128CBC-HS256',
        userinfo_signed_response_alg: 'RS256',
        userinfo_encrypted_response_alg: 'RSA-OAEP-256',
        userinfo_encrypted_response_enc: 'A128CBC-HS256',
      },
    ],
    jwks: { keys: [signingJwk] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    routes: { authorization: '/authorization', userinfo: '/userinfo' },
    responseTypes: ['code'],
    clientAuthMethods: ['private_key_jwt'],
    scopes: ['openid', `service:${serviceCode}`, 'profile', 'email'],
    claims: {
      openid: ['sub'],
      profile: ['given_name', 'family_name', 'name', 'locale'],
      email: ['email', 'email_verified'],
    },
    acrValues: [ITSME_ACR_BASIC, ITSME_ACR_ADVANCED],
    extraParams: { scope: requireServiceScope(serviceCode) },
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      encryption: { enabled: true },
      claimsParameter: { enabled: true },
      jwtUserinfo: { enabled: true },
      userinfo: { enabled: true },
    },
    enabledJWA: {
      clientAuthSigningAlgValues: ['RS256'],
      idTokenSigningAlgValues: ['RS256'],
      userinfoSigningAlgValues: ['RS256'],
      idTokenEncryptionAlgValues: ['RSA-OAEP-256', 'RSA-OAEP'],
      idTokenEncryptionEncValues: ['A128CBC-HS256'],
      userinfoEncryptionAlgValues: ['RSA-OAEP-256'],
      userinfoEncryptionEncValues: ['A128CBC-HS256'],
    },
    assertJwtClientAuthClaimsAndHeader: assertItsmeClientAssertion,
    // oidc-provider refuses to fetch from loopback addresses (SSRF protection); the stand-in and
    // the app it serves both run on loopback, so the client's jwks_uri is fetched without it.
    fetch: (url: string, options: RequestInit & { dispatcher?: unknown }) => {
      const { dispatcher: _ssrfGuard, ...rest } = options;
      return fetch(url, rest);
    },
    loadExistingGrant: grantWhatWasAsked,
    findAccount: (_ctx: OidcContext, sub: string) => {
      const person = persons.get(sub);
      return person && { accountId: sub, claims: () => personClaims(person) };
    },
    interactions: {
      url: (_ctx: OidcContext, interaction: { uid: string }) => `${input.mountPath}/interaction/${interaction.uid}`,
      policy: alwaysLoginPolicy(),
    },
    ttl: { AuthorizationCode: 180, IdToken: 300, AccessToken: 600, Interaction: 600, Session: 600, Grant: 600 },
    renderError: (ctx: OidcContext & { type: string }, out: { error?: string; error_description?: string }) => {
      ctx.type = 'html';
      ctx.body = renderErrorPage('Aanmelden mislukt', `${out.error ?? 'fout'}: ${out.error_description ?? ''}`);
    },
  };
}
