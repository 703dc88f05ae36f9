import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy } from '@/lib/security/csp';

/**
 * Headers only: a fresh CSP nonce per request (Next reads it from the request's CSP header and
 * puts it on its scripts). Never an access check: authorization lives in the data access layer.
 */
export function proxy(request: NextRequest) {
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
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  // Documents only: static assets and images need no nonce.
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico).*)' }],
};
