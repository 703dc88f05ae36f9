import type { ItsmeAcr } from './claims';
import { addClientAssertion } from './client-assertion';
import { decryptAndVerifyIdToken } from './id-token';
import { itsmeIssuer } from './issuer';
import { currentSigningKey } from './keys';
import type { JweAlgorithm, PrivateJwks } from './keys';

export type ItsmeFetchSettings = {
  issuer: string;
  clientId: string;
  acr: ItsmeAcr;
  jweAlgorithms: readonly JweAlgorithm[];
  privateJwks: () => PrivateJwks;
};

function requestUrl(input: RequestInfo | URL): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

function sameUrl(a: string, b: string): boolean {
  return new URL(a).href === new URL(b).href;
}

/**
 * The fetch Auth.js uses for itsme (the provider's `[customFetch]`). Everything passes through,
 * except the token request: it gets our own client assertion (aud = the token endpoint as one
 * string, which Auth.js cannot do), and a successful response has its encrypted ID token
 * replaced by the verified inner JWS, which Auth.js then checks (iss, aud, exp, nonce). A token
 * whose signed `acr` is below ITSME_ACR is refused here.
 */
export function createItsmeFetch(settings: ItsmeFetchSettings): typeof fetch {
  return async (input, init) => {
    const body = init?.body;
    const isTokenRequest =
      init?.method?.toUpperCase() === 'POST' && body instanceof URLSearchParams && body.has('grant_type');
    if (!isTokenRequest) {
      if (init?.method?.toUpperCase() === 'POST') console.error(`[itsme] POST passed through unchanged: ${requestUrl(input)} body=${Object.prototype.toString.call(body)}`);
      return fetch(input, init);
    }

    const issuer = await itsmeIssuer(settings.issuer);
    const url = requestUrl(input);
    if (!sameUrl(url, issuer.tokenEndpoint)) return fetch(input, init);

    const jwks = settings.privateJwks();
    const signingKey = currentSigningKey(jwks);
    const form = new URLSearchParams(body);
    await addClientAssertion(form, { clientId: settings.clientId, tokenEndpoint: issuer.tokenEndpoint, signingKey });

    const response = await fetch(url, { ...init, body: form });
    if (!response.ok) {
      const problem = (await response.clone().json().catch(() => ({}))) as { error?: string; error_description?: string };
      console.error(`[itsme] token endpoint answered ${response.status}: ${problem.error ?? '?'} ${problem.error_description ?? ''}`);
      return response;
    }
    const json = (await response.clone().json().catch(() => null)) as Record<string, unknown> | null;
    if (!json || typeof json.id_token !== 'string') return response;

    const { jws } = await decryptAndVerifyIdToken(json.id_token, {
      decryptionKeys: jwks.keys,
      issuerKeys: issuer.keys,
      issuer: settings.issuer,
      clientId: settings.clientId,
      requiredAcr: settings.acr,
      keyManagementAlgorithms: settings.jweAlgorithms,
    });
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    headers.delete('content-encoding');
    return new Response(JSON.stringify({ ...json, id_token: jws }), {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  };
}
