'use server';

import { signOut } from '@/lib/auth/auth';

/** 'Afmelden': deletes the session on the server (the cookie alone no longer opens anything). */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/aanmelden?afgemeld=1' });
}
