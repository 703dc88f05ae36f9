import { isIP } from 'node:net';
import { NextRequest } from 'next/server';
import { recordAudit } from '@/lib/audit/record-event';
import { env } from '@/lib/config/env';
import { db } from '@/lib/db/client';
import { t } from '@/lib/i18n';
import { consumeRateLimit } from '@/lib/rate-limit/consume';
import { sessionCookieName } from './cookies';
import { endSession } from './session-token';

type RouteHandler = (request: NextRequest) => Promise<Response>;

const CALLBACK_PATH = /\/api\/auth\/callback\/[\w-]+$/;

/** proxy.ts leaves X-Forwarded-For holding the one address it trusts (or Next's own view of the connection). */
function addressOf(request: Request): string {
  const forwarded = request.headers.get('x-forwarded-for')?.trim();
  return forwarded && isIP(forwarded) ? forwarded : 'lokaal';
}

function withoutCookie(request: NextRequest, name: string, body: ArrayBuffer | null): NextRequest {
  const headers = new Headers(request.headers);
  const kept = request.cookies.getAll().filter((c) => c.name !== name);
  if (kept.length > 0) headers.set('cookie', kept.map((c) => `${c.name}=${c.value}`).join('; '));
  else headers.delete('cookie');
  return new NextRequest(request.url, { method: request.method, headers, body });
}

function setsSession(response: Response, name: string): boolean {
  return response.headers.getSetCookie().some((line) => {
    const [pair = ''] = line.split(';');
    return pair.startsWith(`${name}=`) && pair.length > name.length + 1;
  });
}

/**
 * Wraps an Auth.js route handler.
 * - Every request to /api/auth/* counts against a per-address limit (RATE_AUTH_PER_MINUTE).
 * - An itsme callback never continues the session already open in the browser: Auth.js would
 *   keep that person signed in and link the new `sub` to them. The callback runs as if signed
 *   out, so it starts the session of whoever itsme just identified; once it has, the old
 *   session is ended. A failed callback leaves the old session as it was.
 */
export function guardAuthRoute(handler: RouteHandler): RouteHandler {
  return async (request) => {
    const limit = await consumeRateLimit(db(), `auth:${addressOf(request)}`, env().RATE_AUTH_PER_MINUTE, 60_000);
    if (!limit.allowed) {
      return new Response(t.errors.tooManyLogins, {
        status: 429,
        headers: {
          'Content-Type': 'text/plain; charset=utf-8',
          'Cache-Control': 'no-store',
          'Retry-After': String(Math.max(1, Math.ceil(limit.retryAfterMs / 1000))),
        },
      });
    }

    const name = sessionCookieName();
    const previous = request.cookies.get(name)?.value;
    if (!previous || !CALLBACK_PATH.test(new URL(request.url).pathname)) return handler(request);

    const body = request.method === 'GET' || request.method === 'HEAD' ? null : await request.arrayBuffer();
    const response = await handler(withoutCookie(request, name, body));
    if (setsSession(response, name)) {
      const endedFor = await endSession(db(), previous);
      if (endedFor) {
        await recordAudit(db(), { actorId: endedFor, action: 'logout', details: { reason: 'new_login' }, origin: addressOf(request) });
      }
    }
    return response;
  };
}
