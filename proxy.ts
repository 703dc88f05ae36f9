import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/config/env';
import { databaseAvailable } from '@/lib/db/availability';
import { t } from '@/lib/i18n';
import { clientAddress } from '@/lib/security/client-address';
import { contentSecurityPolicy, staticSecurityHeaders } from '@/lib/security/csp';
import { findSession } from '@/lib/auth/find-session';
import { sessionCookieName } from '@/lib/auth/cookies';
import { db } from '@/lib/db/client';
import { declaresLargeBody, isUploadPath, maxUploadBytes, refuseRequest } from '@/lib/security/refuse-request';
import { REQUEST_PATH_HEADER, unavailableResponse } from '@/lib/server/unavailable-page';

/**
 * Headers and refusals only: a fresh CSP nonce per request (Next reads it from the request's
 * CSP header and puts it on its scripts), X-Forwarded-For reduced to the address we trust, a
 * clear refusal for requests Next would otherwise answer with a bare 500, and, while the
 * database is known to be down, the 503 page instead of a render that would fail (/api/health
 * still asks the database itself). Never an access check: authorization lives in the data
 * access layer.
 */
/** Paths that need no database, so they keep answering while it is down (itsme fetches our keys at any time). */
const WITHOUT_DATABASE = new Set(['/api/health', '/api/live', '/.well-known/jwks.json']);

export async function proxy(request: NextRequest) {
  if (!databaseAvailable() && !WITHOUT_DATABASE.has(request.nextUrl.pathname)) return unavailableResponse();
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const config = env();
  const csp = contentSecurityPolicy(nonce, {
    itsmeOrigin: new URL(config.ITSME_ISSUER).origin,
    dev: process.env.NODE_ENV !== 'production',
    https: config.APP_URL.startsWith('https://'),
  });
  const hops = config.TRUSTED_PROXY_HOPS;
  const refusal = refuseRequest({
    method: request.method,
    headers: request.headers,
    trustForwardedHost: hops > 0,
    maxUploadBytes: maxUploadBytes(config.ATTACHMENT_MAX_MB),
    uploadAllowed: declaresLargeBody(request) && isUploadPath(request.nextUrl.pathname) && (await signedIn(request)),
  });
  if (refusal) {
    return new NextResponse(t.errors[refusal.message], {
      status: refusal.status,
      headers: [
        ['Content-Type', 'text/plain; charset=utf-8'],
        ['Cache-Control', 'no-store'],
        ['Content-Security-Policy', csp],
        ...staticSecurityHeaders().map(({ key, value }) => [key, value] as [string, string]),
      ],
    });
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  requestHeaders.set(REQUEST_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  // Next fills in the connection's address when the header is absent.
  const address = clientAddress(request.headers.get('x-forwarded-for'), hops);
  requestHeaders.delete('x-forwarded-for');
  if (address) requestHeaders.set('x-forwarded-for', address);
  if (hops === 0) requestHeaders.delete('x-forwarded-host');

  // A path whose percent-encoding does not decode (`%E0%A4%A`) names no page of ours.
  const response = hasMalformedEncoding(request.nextUrl.pathname)
    ? NextResponse.rewrite(new URL(notFoundPath(request.nextUrl.pathname), request.url), { request: { headers: requestHeaders } })
    : NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

/**
 * Whether the request's session cookie opens a live session: asked only before a body over 1 MB
 * is let through to an upload page, so anonymous clients cannot make the server hold uploads.
 * Not an access check (the page's action still resolves its grant); a failing lookup is "no".
 */
async function signedIn(request: NextRequest): Promise<boolean> {
  const token = request.cookies.get(sessionCookieName())?.value;
  if (!token) return false;
  try {
    return (await findSession(db(), token)) !== null;
  } catch {
    return false;
  }
}

/** A path no route matches, so Next renders app/not-found.tsx with 404; under /uitnodiging/ it keeps that folder's headers (no-referrer). */
function notFoundPath(pathname: string): string {
  return pathname.startsWith('/uitnodiging/') ? '/uitnodiging/-/niet-gevonden' : '/_niet-gevonden';
}

function hasMalformedEncoding(pathname: string): boolean {
  try {
    for (const segment of pathname.split('/')) decodeURIComponent(segment);
    return false;
  } catch {
    return true;
  }
}

export const config = {
  // Documents only: static assets and images need no nonce.
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico).*)' }],
};
