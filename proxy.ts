import { NextResponse, type NextRequest } from 'next/server';
import { databaseAvailable } from '@/lib/db/availability';
import { contentSecurityPolicy } from '@/lib/security/csp';
import { REQUEST_PATH_HEADER, unavailableResponse } from '@/lib/server/unavailable-page';

/**
 * Headers: a fresh CSP nonce per request (Next reads it from the request's CSP header and puts
 * it on its scripts). And while the database is known to be down, the 503 page instead of a
 * render that would fail; /api/health still asks the database itself. Never an access check:
 * authorization lives in the data access layer.
 */
export function proxy(request: NextRequest) {
  if (!databaseAvailable() && request.nextUrl.pathname !== '/api/health') return unavailableResponse();
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const itsmeIssuer = process.env.ITSME_ISSUER || `http://127.0.0.1:${process.env.ITSME_STANDIN_PORT || 3100}`;
  const csp = contentSecurityPolicy(nonce, {
    itsmeOrigin: new URL(itsmeIssuer).origin,
    dev: process.env.NODE_ENV !== 'production',
    https: (process.env.APP_URL ?? '').startsWith('https://'),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  requestHeaders.set(REQUEST_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  // Documents only: static assets and images need no nonce.
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico).*)' }],
};
