import 'server-only';
import { isIP } from 'node:net';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { db } from '@/lib/db/client';
import { rethrowUnlessDatabaseDown } from '@/lib/server/when-database-down';
import { sessionCookieName } from './cookies';
import { findSession, type Viewer } from './find-session';

/** The signed-in person of this request, or null. Read once per request, never across requests. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const token = (await cookies()).get(sessionCookieName())?.value;
  if (!token) return null;
  try {
    return await findSession(db(), token);
  } catch (error) {
    return rethrowUnlessDatabaseDown(error);
  }
});

/**
 * For protected pages: the viewer, or a redirect to '/aanmelden' that returns here afterwards
 * (and says the session ended, when this browser still had one).
 */
export async function requireViewer(returnTo: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(await signInPath(returnTo));
  return viewer;
}

/** '/aanmelden' returning to `returnTo`; `verlopen=1` when a session cookie came along but opened no session. */
export async function signInPath(returnTo: string): Promise<string> {
  const expired = Boolean((await cookies()).get(sessionCookieName())?.value);
  return `/aanmelden?terug=${encodeURIComponent(returnTo)}${expired ? '&verlopen=1' : ''}`;
}

/**
 * Where a request came from, for the audit log and the per-address rate limits. proxy.ts has
 * already reduced X-Forwarded-For to the one address it trusts (TRUSTED_PROXY_HOPS), or
 * removed it so Next fills in the connection's own address.
 */
export async function requestOrigin(): Promise<string> {
  const forwarded = (await headers()).get('x-forwarded-for')?.trim();
  return forwarded && isIP(forwarded) ? forwarded : 'lokaal';
}
