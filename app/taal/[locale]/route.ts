import { eq } from 'drizzle-orm';
import { NextResponse, type NextRequest } from 'next/server';
import { usesSecureCookies } from '@/lib/auth/cookies';
import { safeReturnPath } from '@/lib/auth/safe-return';
import { getViewer } from '@/lib/auth/viewer';
import { isLocale } from '@/lib/codes';
import { env } from '@/lib/config/env';
import { db } from '@/lib/db/client';
import { users } from '@/lib/db/schema';
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE } from '@/lib/i18n/request-locale';

/**
 * The language link (a plain link, so it works without JavaScript): remembers the choice in a
 * cookie and, for a signed-in person, on their account; then back to the page it came from.
 * A preference only: it grants nothing, so a GET is fine.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return new NextResponse(null, { status: 404 });
  const back = safeReturnPath(request.nextUrl.searchParams.get('terug'));
  const viewer = await getViewer();
  if (viewer) await db().update(users).set({ locale }).where(eq(users.id, viewer.user.id));
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
