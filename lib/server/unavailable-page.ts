import { t } from '@/lib/i18n';
import { staticSecurityHeaders } from '@/lib/security/csp';

/** Set by the proxy on every request: the path and query, so a render can send the caller back. */
export const REQUEST_PATH_HEADER = 'x-diplon-path';

/** Seconds a client is asked to wait before trying again while the database is down. */
export const RETRY_AFTER_SECONDS = 15;

/** Nothing may load, run, submit or frame it. */
const UNAVAILABLE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The answer to every page while the database is unreachable: 503, Dutch, no detail, never
 * cached, with Retry-After. Plain HTML without scripts or styles, so it needs no nonce.
 */
export function unavailableResponse(): Response {
  const { unavailableTitle, unavailableBody } = t.errors;
  const html = `<!doctype html>
<html lang="nl-BE"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escape(unavailableTitle)}</title></head>
<body><main><h1>${escape(unavailableTitle)}</h1><p>${escape(unavailableBody)}</p></main></body></html>
`;
  return new Response(html, {
    status: 503,
    headers: [
      ...staticSecurityHeaders()
        .filter(({ key }) => key !== 'Referrer-Policy')
        .map(({ key, value }) => [key, value] as [string, string]),
      ['Content-Type', 'text/html; charset=utf-8'],
      ['Cache-Control', 'no-store'],
      ['Retry-After', String(RETRY_AFTER_SECONDS)],
      ['Content-Security-Policy', UNAVAILABLE_CSP],
      ['Referrer-Policy', 'no-referrer'],
    ],
  });
}
