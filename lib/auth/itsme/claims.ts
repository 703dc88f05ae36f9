/** itsme's two levels of assurance, sent as `acr_values`. */
export const ITSME_ACR_BASIC = 'http://itsme.services/v2/claim/acr_basic';
/** Forces the itsme code instead of a fingerprint. */
export const ITSME_ACR_ADVANCED = 'http://itsme.services/v2/claim/acr_advanced';
export type ItsmeAcr = typeof ITSME_ACR_BASIC | typeof ITSME_ACR_ADVANCED;

/** The claims of a decrypted, verified itsme ID token that we ask for (itsme's claim names). */
export type ItsmeClaims = {
  iss: string;
  sub: string;
  aud: string | string[];
  exp: number;
  iat: number;
  nonce?: string;
  acr?: string;
  given_name?: string;
  family_name?: string;
  name?: string;
  email?: string;
  /** itsme always sends false: it does not verify e-mail addresses. */
  email_verified?: boolean;
  locale?: string;
};

/** What `profile()` turns the claims into (Auth.js then replaces `id` with its own UUID). */
export type ItsmeProfileUser = {
  id: string;
  itsmeSub: string;
  /** itsme may leave the given name out: null then. */
  givenName: string | null;
  familyName: string;
  name: string | null;
  email: string | null;
};

export function profileFromClaims(claims: ItsmeClaims): ItsmeProfileUser {
  const givenName = claims.given_name?.trim() || null;
  const familyName = claims.family_name?.trim() ?? '';
  return {
    id: claims.sub,
    itsmeSub: claims.sub,
    givenName,
    familyName,
    name: [givenName, familyName].filter(Boolean).join(' ') || null,
    email: claims.email ?? null,
  };
}

/** The levels of assurance, weakest first. */
const ACR_ORDER: readonly string[] = [ITSME_ACR_BASIC, ITSME_ACR_ADVANCED];

/**
 * Whether the `acr` itsme returned is at least the level we require. The request's `acr_values`
 * can be changed on the way (it is a query string), so only the signed answer counts.
 */
export function acrSatisfies(returned: unknown, required: ItsmeAcr): boolean {
  if (typeof returned !== 'string') return false;
  const level = ACR_ORDER.indexOf(returned);
  return level >= 0 && level >= ACR_ORDER.indexOf(required);
}
