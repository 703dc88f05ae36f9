import 'server-only';
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

/** For protected pages: the viewer, or a redirect to '/aanmelden' that returns here afterwards. */
export async function requireViewer(returnTo: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/aanmelden?terug=${encodeURIComponent(returnTo)}`);
  return viewer;
}

/** Where a request came from, for the audit log. */
export async function requestOrigin(): Promise<string> {
  const h = await headers();
  const ip = h.get('x-forwarded-for')?.split(',')[0]?.trim() || h.get('x-real-ip') || 'lokaal';
  return ip.slice(0, 64);
}
