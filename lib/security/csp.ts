/**
 * The Content-Security-Policy of a page: scripts only with this response's nonce (Next puts it
 * on its own scripts), nothing framed by others, forms posting only here or to itsme.
 */
export function contentSecurityPolicy(nonce: string, options: { itsmeOrigin: string; dev: boolean; https: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ''}`,
    // React and Tailwind set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${options.dev ? ' ws: wss:' : ''}`,
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    `form-action 'self' ${options.itsmeOrigin}`,
    "frame-ancestors 'none'",
  ];
  if (options.https) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}

/**
 * One Referrer-Policy for every page. `strict-origin` sends only our origin, never a path: the
 * invitation token (in the link's path, and in the `terug` return path after signing in) never
 * reaches a Referer, here or at itsme. Unlike `no-referrer` it keeps the `Origin` header of a form
 * POST: a form submitted before the JavaScript has loaded (a native POST) carries our origin, so
 * the server actions' origin check accepts it, where `no-referrer` made it `Origin: null` and the
 * action a 500. Over plain http to https it sends nothing.
 */
export const REFERRER_POLICY = 'strict-origin';

/**
 * Headers every response carries (set in next.config.ts, so static files get them too). HSTS is
 * always sent: browsers ignore it over plain http, and over https it is what production needs.
 */
export function staticSecurityHeaders(): { key: string; value: string }[] {
  return [
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Referrer-Policy', value: REFERRER_POLICY },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' },
  ];
}
