import type { NextConfig } from 'next';

/**
 * Requests whose URL carries a secret: the invitation link (its token, also inside a `terug`
 * return path), itsme's callback (its authorisation code and state) and the development
 * mailbox (whose messages hold live invitation links). `next dev` logs every request's URL;
 * these it must not.
 */
export const SECRET_BEARING_URLS: RegExp[] = [/\/uitnodiging\//, /uitnodiging%2F/i, /\/api\/auth\//, /[?&](code|state|terug)=/, /\/dev\/mailbox/];

/**
 * Next's development logging without secrets: no request line for the URLs above, and no
 * server-function lines (they print the arguments, and 'Uitnodiging aanvaarden' is bound to
 * the token).
 */
export const developmentLogging: NonNullable<NextConfig['logging']> = {
  incomingRequests: { ignore: SECRET_BEARING_URLS },
  serverFunctions: false,
};

/** The host `npm run dev` binds to: loopback, unless DIPLON_DEV_HOST asks for another (e.g. 0.0.0.0 to test on a phone). */
export function developmentHost(environment: Record<string, string | undefined> = process.env): string {
  return environment.DIPLON_DEV_HOST?.trim() || '127.0.0.1';
}
