/**
 * Auth.js builds itsme's redirect_uri from AUTH_URL, and otherwise from the request URL, which
 * for any loopback address reads "localhost" (Next normalises it). Next resets the process environment when it loads, so a
 * value set from inside the app is not seen: it has to be in the environment the server starts with.
 */
export function authUrlFor(appUrl: string): string {
  return `${appUrl.replace(/\/$/, '')}/api/auth`;
}
