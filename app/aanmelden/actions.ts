'use server';

import { cookies } from 'next/headers';
import { signIn } from '@/lib/auth/auth';
import { sessionCookieName } from '@/lib/auth/cookies';
import { safeReturnPath } from '@/lib/auth/safe-return';
import { endSession } from '@/lib/auth/session-token';
import { db } from '@/lib/db/client';
import { getLocale } from '@/lib/i18n/request-locale';

/**
 * 'Aanmelden met itsme'. A session still open in this browser is ended first, so every login
 * starts a new session and a second person on the same device never inherits the first.
 */
export async function signInWithItsme(formData: FormData): Promise<void> {
  const redirectTo = safeReturnPath(formData.get('terug'));
  const jar = await cookies();
  const current = jar.get(sessionCookieName())?.value;
  if (current) {
    await endSession(db(), current);
    jar.delete(sessionCookieName());
  }
  // itsme shows its screens in the visitor's language (itsme knows nl, fr, en and de).
  const locale = await getLocale();
  await signIn('itsme', { redirectTo }, { ui_locales: locale });
}
