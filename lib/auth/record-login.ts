import { and, eq } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit/record-event';
import type { Db } from '@/lib/db/client';
import { users } from '@/lib/db/schema';

/**
 * A completed itsme login of the person whose row holds this `sub`: their last login, itsme's
 * verified names (authoritative, kept current at every login, and only ever on the row of the
 * `sub` that signed in), and the audit — 'registration' or 'login', and 'identity_names_changed'
 * with the names before and after when itsme now gives other names, so the history can tell.
 */
export async function recordLogin(
  db: Db,
  input: { userId: string; sub: string; givenName: string | null; familyName: string; isNewUser: boolean; origin: string | null },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ givenName: users.givenName, familyName: users.familyName })
      .from(users)
      .where(and(eq(users.id, input.userId), eq(users.itsmeSub, input.sub)))
      .for('update');
    if (!before) throw new Error('itsme login for a sub that is not this user');
    const names = input.familyName ? { givenName: input.givenName, familyName: input.familyName } : null;
    await tx
      .update(users)
      .set({ lastLoginAt: new Date(), ...(names ?? {}) })
      .where(eq(users.id, input.userId));
    await recordAudit(tx, { actorId: input.userId, action: input.isNewUser ? 'registration' : 'login', origin: input.origin });
    if (names && !input.isNewUser && (names.givenName !== before.givenName || names.familyName !== before.familyName)) {
      await recordAudit(tx, {
        actorId: input.userId,
        action: 'identity_names_changed',
        targetType: 'user',
        targetId: input.userId,
        details: { before, after: names },
        origin: input.origin,
      });
    }
  });
}
