import { env } from '@/lib/config/env';

/** Over https the session cookie is `__Host-` (Secure, path /, no Domain); over plain http (local tests) it cannot be. */
export function usesSecureCookies(): boolean {
  return env().APP_URL.startsWith('https://');
}

export function sessionCookieName(): string {
  return usesSecureCookies() ? '__Host-diplon.session' : 'diplon.session';
}

/**
 * Where a login started from (e.g. the invitation page), kept for the way back when itsme is
 * cancelled or fails: Auth.js then lands on '/aanmelden/fout' without it. Only the sign-in pages
 * receive it; it lives as long as an itsme login may take.
 */
export function returnCookieName(): string {
  return usesSecureCookies() ? '__Secure-diplon.return' : 'diplon.return';
}

export const RETURN_COOKIE_PATH = '/aanmelden';
export const RETURN_COOKIE_MAX_AGE_SECONDS = 15 * 60;
