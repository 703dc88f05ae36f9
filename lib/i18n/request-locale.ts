import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { isStaff } from '@/lib/auth/scope';
import { getViewer } from '@/lib/auth/viewer';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@/lib/codes';
import { messagesFor, type Messages } from './locales';

/** The language link's memory for a visitor who is not signed in (or has not chosen yet). */
export const LOCALE_COOKIE = 'diplon.taal';
export const LOCALE_COOKIE_MAX_AGE = 365 * 24 * 3600;

/**
 * The language of this request's pages. Staff work in Dutch. Anyone else: the language they
 * chose (stored on their account once signed in), else this browser's language link cookie,
 * else Dutch. The invitation page adds the invitation's own language as the next fallback.
 */
export const getLocale = cache(async (): Promise<Locale> => {
  const viewer = await getViewer();
  if (viewer && isStaff(viewer.memberships)) return DEFAULT_LOCALE;
  if (viewer?.user.locale) return viewer.user.locale;
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(cookie) ? cookie : DEFAULT_LOCALE;
});

/** Whether this visitor has a language of their own (an account's or the cookie's); staff always do (Dutch). */
export const hasChosenLocale = cache(async (): Promise<boolean> => {
  const viewer = await getViewer();
  if (viewer && (isStaff(viewer.memberships) || viewer.user.locale)) return true;
  return isLocale((await cookies()).get(LOCALE_COOKIE)?.value);
});

/** The catalogue of this request's language. */
export async function getMessages(): Promise<Messages> {
  return messagesFor(await getLocale());
}
