import { env } from '@/lib/config/env';

/** Over https the session cookie is `__Host-` (Secure, path /, no Domain); over plain http (local tests) it cannot be. */
export function usesSecureCookies(): boolean {
  return env().APP_URL.startsWith('https://');
}

export function sessionCookieName(): string {
  return usesSecureCookies() ? '__Host-diplon.session' : 'diplon.session';
}
