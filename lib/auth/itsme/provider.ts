import { customFetch } from 'next-auth';
import type { OIDCConfig } from 'next-auth/providers';
import { env } from '@/lib/config/env';
import { profileFromClaims } from './claims';
import type { ItsmeAcr, ItsmeClaims } from './claims';
import { rpPrivateJwks } from './keys';
import type { JweAlgorithm, PrivateJwks } from './keys';
import { createItsmeFetch } from './token-fetch';

export { ITSME_ACR_ADVANCED, ITSME_ACR_BASIC } from './claims';
export type { ItsmeAcr, ItsmeClaims, ItsmeProfileUser } from './claims';

export type ItsmeProviderSettings = {
  issuer: string;
  clientId: string;
  serviceCode: string;
  acr: ItsmeAcr;
  /** JWE key management algorithms accepted (ITSME_JWE_ALGS). */
  jweAlgorithms: readonly JweAlgorithm[];
  /** 'claims': the claims parameter alone; 'scope': also the profile and email scopes (ITSME_CLAIMS_REQUEST). */
  claimsRequest: 'claims' | 'scope';
  privateJwks: () => PrivateJwks;
};

function settingsFromEnv(): ItsmeProviderSettings {
  const config = env();
  return {
    issuer: config.ITSME_ISSUER,
    clientId: config.ITSME_CLIENT_ID,
    serviceCode: config.ITSME_SERVICE_CODE,
    acr: config.ITSME_ACR,
    jweAlgorithms: config.ITSME_JWE_ALGS,
    claimsRequest: config.ITSME_CLAIMS_REQUEST,
    privateJwks: rpPrivateJwks,
  };
}

/**
 * The itsme provider for Auth.js. Settings come from the environment; tests may override them.
 *
 * Auth.js is told `token_endpoint_auth_method: 'none'` on purpose: its own private_key_jwt needs
 * a WebCrypto key (async to import) and sends `aud` as an array, which itsme's documentation does
 * not allow. `[customFetch]` adds the real private_key_jwt assertion to the token request instead,
 * so what goes over the wire is private_key_jwt as registered with itsme.
 */
export function itsmeProvider(overrides: Partial<ItsmeProviderSettings> = {}): OIDCConfig<ItsmeClaims> {
  const settings = { ...settingsFromEnv(), ...overrides };
  return {
    id: 'itsme',
    name: 'itsme',
    type: 'oidc',
    issuer: settings.issuer,
    clientId: settings.clientId,
    client: { token_endpoint_auth_method: 'none', id_token_signed_response_alg: 'RS256' },
    checks: ['pkce', 'state', 'nonce'],
    authorization: {
      params: {
        // The profile scope would also show the person a consent for gender, birth date and ID
        // photo, which we do not use: by default only the claims parameter asks for names.
        scope: `openid service:${settings.serviceCode}${settings.claimsRequest === 'scope' ? ' profile email' : ''}`,
        // Only names and e-mail (the inviter's notification), in the ID token so /userinfo (also encrypted) is not needed.
        claims: { id_token: { given_name: null, family_name: null, email: null } },
        acr_values: settings.acr,
        ui_locales: 'nl',
      },
    },
    profile(claims) {
      return profileFromClaims(claims);
    },
    [customFetch]: createItsmeFetch(settings),
  };
}
