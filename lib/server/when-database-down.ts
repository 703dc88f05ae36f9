import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { safeReturnPath } from '@/lib/auth/safe-return';
import { reportDatabaseError } from '@/lib/db/availability';
import { REQUEST_PATH_HEADER } from './unavailable-page';

/**
 * For a page's first database call. A render cannot choose its own status, so when the database
 * turns out to be unreachable the caller is sent back to the same address: by then the database
 * is marked down and the proxy answers that request with the 503 page. Any other error is
 * rethrown unchanged.
 */
export async function rethrowUnlessDatabaseDown(error: unknown): Promise<never> {
  if (!reportDatabaseError(error)) throw error;
  const path = (await headers()).get(REQUEST_PATH_HEADER);
  redirect(safeReturnPath(path));
}
