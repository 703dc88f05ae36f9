/**
 * A minimal scripted "browser" for the stand-in's login, for tests without a real browser:
 * it keeps cookies, follows the stand-in's redirects and submits the login page's forms.
 */

export class CookieJar {
  readonly #cookies = new Map<string, string>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => {
        const [key = '', val = ''] = a.trim().split('=');
        if (key.toLowerCase() === 'max-age') return Number(val) <= 0;
        if (key.toLowerCase() === 'expires') return Date.parse(val) <= Date.now();
        return false;
      });
      if (expired || value === '') this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  names(): string[] {
    return [...this.#cookies.keys()];
  }
}

export type LoginChoice =
  | { sub: string }
  | { newPerson: { givenName: string; familyName: string; email?: string } }
  | 'cancel';

export async function request(jar: CookieJar, url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const cookie = jar.header();
  if (cookie) headers.set('cookie', cookie);
  const response = await fetch(url, { ...init, headers, redirect: 'manual' });
  jar.store(response);
  return response;
}

function formOf(choice: LoginChoice): { action: string; body: URLSearchParams } {
  if (choice === 'cancel') return { action: 'abort', body: new URLSearchParams() };
  if ('sub' in choice) return { action: 'login', body: new URLSearchParams({ sub: choice.sub }) };
  const { givenName, familyName, email = '' } = choice.newPerson;
  return { action: 'new', body: new URLSearchParams({ given_name: givenName, family_name: familyName, email }) };
}

/**
 * Opens an authorization URL at the stand-in, makes `choice` on its login page and returns the
 * URL the stand-in finally sends the browser to (the client's redirect URI with code or error).
 */
export async function loginAtStandin(authorizationUrl: string, choice: LoginChoice, jar = new CookieJar()): Promise<URL> {
  const origin = new URL(authorizationUrl).origin;
  let url = authorizationUrl;
  let init: RequestInit = {};
  for (let hop = 0; hop < 10; hop += 1) {
    const response = await request(jar, url, init);
    init = {};
    const location = response.headers.get('location');
    if (location) {
      await response.body?.cancel();
      const next = new URL(location, url);
      if (next.origin !== origin) return next;
      url = next.href;
      continue;
    }
    const path = new URL(url).pathname;
    if (response.status !== 200 || !/^(?:\/v2)?\/interaction\/[\w-]+$/.test(path)) {
      throw new Error(`Stand-in antwoordde onverwacht ${response.status} op ${path}: ${(await response.text()).slice(0, 300)}`);
    }
    const { action, body } = formOf(choice);
    url = `${origin}${path}/${action}`;
    init = { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } };
  }
  throw new Error('Te veel omleidingen bij de stand-in');
}
