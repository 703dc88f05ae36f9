import { NextResponse, type NextRequest } from 'next/server';
import { usesSecureCookies } from '@/lib/auth/cookies';
import { safeReturnPath } from '@/lib/auth/safe-return';
import { getViewer, requestOrigin } from '@/lib/auth/viewer';
import { isLocale, type Locale } from '@/lib/codes';
import { env } from '@/lib/config/env';
import { db } from '@/lib/db/client';
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE } from '@/lib/i18n/request-locale';
import { setAccountLocale } from '@/lib/people/set-account-locale';

/**
 * The language choice, then back to the page it came from. GET (the invitation page's first
 * visit, a plain link) only remembers it in this browser's cookie: nothing changes an account on
 * a GET, which another site can make. POST (the 'Nederlands · Français · English' buttons, a
 * native form, so without JavaScript too) also stores it on the signed-in person's account,
 * audited; proxy.ts has refused a POST from another site's page, and a browser that says the
 * request is cross-site (`Sec-Fetch-Site`) changes the cookie only.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return new NextResponse(null, { status: 404 });
  return remember(request, locale);
}

export async function POST(request: NextRequest, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return new NextResponse(null, { status: 404 });
  const site = request.headers.get('sec-fetch-site');
  const viewer = await getViewer();
  if (viewer && (site === null || site === 'same-origin')) {
    await setAccountLocale(db(), { userId: viewer.user.id, locale, origin: await requestOrigin() });
  }
  return remember(request, locale);
}

function remember(request: NextRequest, locale: Locale): NextResponse {
  const back = safeReturnPath(request.nextUrl.searchParams.get('terug'));
  const response = NextResponse.redirect(new URL(back, env().APP_URL), 303);
  response.cookies.set(LOCALE_COOKIE, locale, {
    path: '/',
    maxAge: LOCALE_COOKIE_MAX_AGE,
    sameSite: 'lax',
    httpOnly: true,
    secure: usesSecureCookies(),
  });
  response.headers.set('Cache-Control', 'no-store');
  return response;
}
