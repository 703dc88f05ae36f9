const BASE = 'http://diplon.invalid';

/**
 * A return path after login: only a path on this site. Anything else (another origin,
 * protocol-relative `//host`, backslashes, control characters, and dot segments such as
 * `/..//host` that the URL parser turns into `//host`) falls back to '/'.
 */
export function safeReturnPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 512) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback;
  if (/[\u0000-\u001f\u007f]/.test(value)) return fallback;
  try {
    const url = new URL(value, BASE);
    if (url.origin !== BASE) return fallback;
    const path = `${url.pathname}${url.search}${url.hash}`;
    // Checked again after normalisation: a browser would read a leading `//` as another host.
    return path.startsWith('/') && !path.startsWith('//') ? path : fallback;
  } catch {
    return fallback;
  }
}

/**
 * Auth.js's `redirect` callback: where to go after signing in or out. Only a path on this site
 * (given as a path or as an absolute URL of this origin); anything else goes home.
 */
export function authRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  const home = `${baseUrl}/`;
  let path: string = url;
  if (!url.startsWith('/')) {
    try {
      const absolute = new URL(url);
      if (absolute.origin !== new URL(baseUrl).origin) return home;
      path = `${absolute.pathname}${absolute.search}${absolute.hash}`;
    } catch {
      return home;
    }
  }
  const safe = safeReturnPath(path, '');
  return safe ? `${baseUrl}${safe}` : home;
}
