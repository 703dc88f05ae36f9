'use server';

import { cookies } from 'next/headers';
import { signIn } from '@/lib/auth/auth';
import { RETURN_COOKIE_MAX_AGE_SECONDS, RETURN_COOKIE_PATH, returnCookieName, sessionCookieName, usesSecureCookies } from '@/lib/auth/cookies';
import { safeReturnPath } from '@/lib/auth/safe-return';
import { endSession } from '@/lib/auth/session-token';
import { db } from '@/lib/db/client';
import { getLocale } from '@/lib/i18n/request-locale';

/**
 * 'Aanmelden met itsme'. A session still open in this browser is ended first, so every login
 * starts a new session and a second person on the same device never inherits the first. Where
 * the login started is kept for the way back if itsme is cancelled ('Opnieuw aanmelden').
 */
export async function signInWithItsme(formData: FormData): Promise<void> {
  const redirectTo = safeReturnPath(formData.get('terug'));
  const jar = await cookies();
  const current = jar.get(sessionCookieName())?.value;
  if (current) {
    await endSession(db(), current);
    jar.delete(sessionCookieName());
  }
  jar.set(returnCookieName(), redirectTo, {
    httpOnly: true,
    sameSite: 'lax',
    secure: usesSecureCookies(),
    path: RETURN_COOKIE_PATH,
    maxAge: RETURN_COOKIE_MAX_AGE_SECONDS,
  });
  // itsme shows its screens in the visitor's language (itsme knows nl, fr, en and de).
  const locale = await getLocale();
  await signIn('itsme', { redirectTo }, { ui_locales: locale });
}
