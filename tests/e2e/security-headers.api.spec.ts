import { expect, test } from '@playwright/test';
import { TEST_PERSONS } from '@/tooling/demo/test-persons';
import { TARGET_DOSSIER } from './support/actors';
import { loginOverHttp } from './support/http-session';
import { E2E } from './support/ports';

/**
 * Security headers on every kind of response of the production build: pages, API routes,
 * 404s, static assets, redirects and error responses (including the refusals of proxy.ts).
 */
const APP = E2E.appUrl;

type Probe = { what: string; path: string; init?: RequestInit; status: number; document: boolean };

async function probes(cookie: string): Promise<Probe[]> {
  const html = await (await fetch(`${APP}/aanmelden`)).text();
  const css = /href="(\/_next\/static\/[^"]+\.css)"/.exec(html)?.[1];
  const js = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(css && js).toBeTruthy();
  return [
    { what: 'page', path: '/aanmelden', status: 200, document: true },
    { what: 'staff page', path: '/aanvragen', init: { headers: { cookie } }, status: 200, document: true },
    { what: 'invitation page', path: `/uitnodiging/${'A'.repeat(43)}`, status: 200, document: true },
    { what: 'login redirect', path: `/dossiers/${TARGET_DOSSIER}`, status: 307, document: true },
    { what: 'not found', path: '/bestaat-niet', status: 404, document: true },
    { what: 'dossier of nobody', path: '/dossiers/00000000-0000-4000-8000-000000000000', init: { headers: { cookie } }, status: 404, document: true },
    { what: 'undecodable path', path: '/uitnodiging/%E0%A4%A', status: 404, document: true },
    { what: 'API route', path: '/api/health', status: 200, document: false },
    { what: 'liveness route', path: '/api/live', status: 200, document: false },
    { what: 'Auth.js route', path: '/api/auth/csrf', status: 200, document: false },
    { what: 'API method not allowed', path: '/api/health', init: { method: 'DELETE' }, status: 405, document: false },
    { what: 'static script', path: js!, status: 200, document: false },
    { what: 'static stylesheet', path: css!, status: 200, document: false },
    { what: 'missing static file', path: '/_next/static/chunks/bestaat-niet.js', status: 404, document: false },
    { what: 'icon', path: '/icon.svg', status: 200, document: false },
    { what: 'body too large', path: '/aanmelden', init: { method: 'POST', body: 'x'.repeat(1024 * 1024 + 1) }, status: 413, document: false },
    {
      what: 'foreign-origin server action',
      path: '/aanmelden',
      init: { method: 'POST', headers: { 'next-action': '00', origin: 'https://evil.example' }, body: '[]' },
      status: 403,
      document: false,
    },
  ];
}

function cspDirectives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values]));
}

test('every response carries the security headers; documents a CSP with a fresh nonce', async () => {
  const cookie = (await loginOverHttp(APP, TEST_PERSONS.centreStaff.sub)).cookie;
  const nonces = new Set<string>();
  for (const probe of await probes(cookie)) {
    const response = await fetch(`${APP}${probe.path}`, { redirect: 'manual', ...probe.init });
    const h = response.headers;
    const what = `${probe.what} (${probe.path.slice(0, 60)})`;
    expect(response.status, what).toBe(probe.status);
    expect(h.get('x-content-type-options'), what).toBe('nosniff');
    expect(h.get('x-frame-options'), what).toBe('DENY');
    // One policy everywhere: origin only, never a path (tokens), and a form POST keeps its Origin.
    expect(h.get('referrer-policy'), what).toBe('strict-origin');
    expect(h.get('permissions-policy'), what).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
    // `next start` runs with NODE_ENV=production: HSTS, two years, subdomains.
    expect(h.get('strict-transport-security'), what).toMatch(/max-age=(\d{8,}); includeSubDomains/);
    expect(h.get('x-powered-by'), what).toBeNull();

    const csp = h.get('content-security-policy');
    if (!probe.document && !csp) continue; // static files: no document, no script to govern
    expect(csp, what).toBeTruthy();
    const directives = cspDirectives(csp!);
    expect(directives.get('frame-ancestors'), what).toEqual(["'none'"]);
    expect(directives.get('object-src'), what).toEqual(["'none'"]);
    expect(directives.get('base-uri'), what).toEqual(["'none'"]);
    const scripts = directives.get('script-src')!;
    expect(scripts, what).not.toContain("'unsafe-inline'");
    expect(scripts, what).not.toContain("'unsafe-eval'");
    const nonce = scripts.find((s) => s.startsWith("'nonce-"));
    expect(nonce, what).toMatch(/^'nonce-[A-Za-z0-9+/]{22}=='$/);
    expect(nonces.has(nonce!), `${what}: nonce reused`).toBe(false);
    nonces.add(nonce!);

    if (probe.document && response.status === 200) {
      // Every script Next writes into the page carries this response's nonce.
      const html = await response.text();
      const tags = html.match(/<script\b[^>]*>/g) ?? [];
      expect(tags.length, what).toBeGreaterThan(0);
      const value = nonce!.slice("'nonce-".length, -1);
      for (const tag of tags) expect(tag, what).toContain(`nonce="${value}"`);
    }
  }
});

test('invitation pages are never cached and send no path in a referrer', async () => {
  const response = await fetch(`${APP}/uitnodiging/${'B'.repeat(43)}`);
  expect(response.headers.get('referrer-policy')).toBe('strict-origin');
  expect(response.headers.get('cache-control')).toContain('no-store');
  const html = await response.text();
  expect(html).toContain('<meta name="referrer" content="strict-origin"');
  expect(html).not.toContain('no-referrer');
});

test('cookies are HttpOnly and SameSite; the session cookie only for path /', async () => {
  const session = await loginOverHttp(APP, TEST_PERSONS.centreStaff.sub);
  const ours = (session.jar.setCookies ?? []).filter((c) => /^(diplon\.|authjs\.|__Host-|__Secure-)/.test(c) && !/max-age=0|expires=thu, 01 jan 1970/i.test(c));
  expect(ours.some((c) => c.startsWith('diplon.session='))).toBe(true);
  for (const cookie of ours) {
    expect(cookie, cookie.split('=')[0]).toMatch(/;\s*HttpOnly/i);
    expect(cookie, cookie.split('=')[0]).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie, cookie.split('=')[0]).toMatch(/;\s*Path=\//i);
    expect(cookie, cookie.split('=')[0]).not.toMatch(/;\s*Domain=/i);
  }
  // Over https the names carry __Host-/__Secure- and the Secure flag: tests/unit/auth-cookies.test.ts.
});
