/**
 * Logs in the way a browser does, but over plain HTTP: Auth.js sign-in POST, the stand-in's
 * login page, the callback. Gives the session cookie so tests can call the server directly.
 */
/** Cookies per host; `setCookies` keeps every raw Set-Cookie line, for tests of their attributes. */
type Jar = Map<string, Map<string, string>> & { setCookies?: string[] };

function store(jar: Jar, url: string, response: Response) {
  const host = new URL(url).host;
  const cookies = jar.get(host) ?? new Map<string, string>();
  for (const header of response.headers.getSetCookie()) {
    (jar.setCookies ??= []).push(header);
    const [pair] = header.split(';');
    const eq = pair!.indexOf('=');
    const name = pair!.slice(0, eq).trim();
    const value = pair!.slice(eq + 1).trim();
    if (/max-age=0|expires=thu, 01 jan 1970/i.test(header) || value === '') cookies.delete(name);
    else cookies.set(name, value);
  }
  jar.set(host, cookies);
}

function cookieHeader(jar: Jar, url: string): string {
  const cookies = jar.get(new URL(url).host);
  return cookies ? [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') : '';
}

async function request(jar: Jar, url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const cookie = cookieHeader(jar, url);
  if (cookie) headers.set('cookie', cookie);
  const response = await fetch(url, { ...init, headers, redirect: 'manual' });
  store(jar, url, response);
  return response;
}

/** Follows redirects by hand so every hop's cookies land in the jar. */
async function follow(jar: Jar, start: Response, from: string, maxHops = 10): Promise<{ response: Response; url: string }> {
  let response = start;
  let url = from;
  for (let hop = 0; hop < maxHops && response.status >= 300 && response.status < 400; hop++) {
    url = new URL(response.headers.get('location')!, url).toString();
    response = await request(jar, url);
  }
  return { response, url };
}

export type HttpSession = { cookie: string; jar: Jar; appUrl: string; landedAt: string };
/** A stand-in person by sub, or a newcomer registered on the stand-in's 'Nieuwe persoon' form. */
export type Who = string | { givenName: string; familyName: string };

export async function loginOverHttp(
  appUrl: string,
  who: Who,
  sessionCookieName = 'diplon.session',
  { callbackUrl = `${appUrl}/` }: { callbackUrl?: string } = {},
): Promise<HttpSession> {
  const jar: Jar = new Map();
  const csrf = await request(jar, `${appUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await request(jar, `${appUrl}/api/auth/signin/itsme`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, callbackUrl }),
  });
  const atStandin = await follow(jar, signIn, `${appUrl}/api/auth/signin/itsme`);
  const page = await atStandin.response.text();
  const kind = typeof who === 'string' ? 'login' : 'new';
  const action = new RegExp(`action="((?:/v2)?/interaction/[^"]+/${kind})"`).exec(page)?.[1];
  if (!action) throw new Error(`stand-in login page not reached (${atStandin.url})`);
  const loginUrl = new URL(action, atStandin.url).toString();
  const chosen = await request(jar, loginUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(typeof who === 'string' ? { sub: who } : { given_name: who.givenName, family_name: who.familyName }),
  });
  const landed = await follow(jar, chosen, loginUrl, 15);
  const session = jar.get(new URL(appUrl).host)?.get(sessionCookieName);
  if (!session) throw new Error(`no session cookie after logging in as ${JSON.stringify(who)}`);
  return { cookie: `${sessionCookieName}=${session}`, jar, appUrl, landedAt: landed.url };
}
