import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { sessions } from '@/lib/db/schema';

/**
 * What the sessions table holds for a cookie's token: its SHA-256 (hex). The token has 256 bits
 * of entropy (Auth.js), so an unsalted hash is enough; a leaked table or backup opens no session.
 */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Ends the session behind a cookie's token (sign-out, a new login in the same browser); gives whose it was. */
export async function endSession(db: Db, token: string): Promise<string | null> {
  const [ended] = await db
    .delete(sessions)
    .where(eq(sessions.sessionToken, hashSessionToken(token)))
    .returning({ userId: sessions.userId });
  return ended?.userId ?? null;
}
