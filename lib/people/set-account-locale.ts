import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit/record-event';
import type { Locale } from '@/lib/codes';
import type { Db } from '@/lib/db/client';
import { users } from '@/lib/db/schema';

/**
 * The person's own choice of language for the pages outside the centre ('Nederlands · Français ·
 * English'), on their account: only by a POST of their own (app/taal/[locale]/route.ts), never on
 * a GET a link from another site can make. Audited with the language before and after; choosing
 * the language they already have changes and records nothing.
 */
export async function setAccountLocale(db: Db, input: { userId: string; locale: Locale; origin: string | null }): Promise<'changed' | 'unchanged'> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, input.userId)).for('update');
    if (!before) return 'unchanged';
    const [row] = await tx
      .update(users)
      .set({ locale: input.locale })
      .where(and(eq(users.id, input.userId), sql`${users.locale} is distinct from ${input.locale}`))
      .returning({ id: users.id });
    if (!row) return 'unchanged';
    await recordAudit(tx, {
      actorId: input.userId,
      action: 'locale_changed',
      targetType: 'user',
      targetId: input.userId,
      details: { from: before.locale, to: input.locale },
      origin: input.origin,
    });
    return 'changed';
  });
}
