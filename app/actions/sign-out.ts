'use server';

import { signOut } from '@/lib/auth/auth';
import { safeReturnPath } from '@/lib/auth/safe-return';

/**
 * 'Afmelden': deletes the session on the server (the cookie alone no longer opens anything).
 * From an invitation ('Ben jij dit niet? Meld je dan eerst af') it returns to that invitation,
 * signed out, so the right person can sign in there; elsewhere to '/aanmelden'.
 */
export async function signOutAction(formData?: FormData): Promise<void> {
  const back = safeReturnPath(formData?.get('terug'), '');
  const redirectTo = back.startsWith('/uitnodiging/') ? `${back.split('?')[0]}?afgemeld=1` : '/aanmelden?afgemeld=1';
  await signOut({ redirectTo });
}
