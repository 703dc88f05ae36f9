import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit/record-event';
import type { Membership } from '@/lib/auth/find-session';
import type { Db } from '@/lib/db/client';
import { rowsOf } from '@/lib/db/rows';
import { departments, dossierContacts, dossiers, schools, sessions, staffMemberships, users } from '@/lib/db/schema';

export type RelinkInput = {
  /** The staff member doing it, with their memberships (from the session). */
  staff: { id: string; memberships: Membership[] };
  /** The person as Diplon knows them, with their access (the old itsme `sub`). */
  knownUserId: string;
  /** The same person after re-creating their itsme account: registered anew, with no access yet. */
  newUserId: string;
  origin?: string | null;
};

export type RelinkResult =
  | { status: 'relinked' }
  | { status: 'not_found' }
  | { status: 'same_person' }
  | { status: 'new_identity_has_access' }
  | { status: 'names_differ' };

const norm = (value: string | null) => (value ?? '').trim().toLocaleLowerCase('nl-BE');

/** Whether `userId` has access (a contact or a membership) inside one of `centreIds`. */
async function inCentres(tx: Db, userId: string, centreIds: string[]): Promise<boolean> {
  const centres = sql.join(centreIds.map((id) => sql`${id}::uuid`), sql`, `);
  const result = await tx.execute(sql`select (
    exists (select 1 from ${dossierContacts} c join ${dossiers} d on d.id = c.dossier_id
            where c.user_id = ${userId} and c.revoked_at is null and d.centre_id in (${centres}))
    or exists (select 1 from ${staffMemberships} m
            left join ${schools} s on s.id = m.school_id
            left join ${departments} dp on dp.id = m.department_id
            left join ${schools} ds on ds.id = dp.school_id
            where m.user_id = ${userId} and m.active
              and coalesce(m.centre_id, s.centre_id, ds.centre_id) in (${centres}))
  ) as found`);
  return Boolean(rowsOf<{ found: boolean }>(result)[0]?.found);
}

/**
 * 'Koppel opnieuw': itsme gives a person who deleted and re-created their account a new `sub`,
 * so they register as a stranger. Centre staff who have checked (outside Diplon) that both are
 * the same person move the itsme identity onto the known person: the known row takes the new
 * `sub` and itsme's names, so every contact, membership, invitation and audit event stays with
 * them; the stranger's row keeps a dead `sub` (its registration stays in the audit log). Both
 * persons' sessions end. Refused when the new identity already has access (that would be a
 * merge), or when itsme's family names differ. One transaction, audited.
 */
export async function relinkIdentity(db: Db, input: RelinkInput): Promise<RelinkResult> {
  const centreIds = input.staff.memberships.filter((m) => m.role === 'centre_staff' && m.centreId).map((m) => m.centreId!);
  if (centreIds.length === 0 || input.knownUserId === input.newUserId) {
    return { status: centreIds.length === 0 ? 'not_found' : 'same_person' };
  }
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(users)
      .where(inArray(users.id, [input.knownUserId, input.newUserId]))
      .for('update');
    const known = rows.find((r) => r.id === input.knownUserId);
    const fresh = rows.find((r) => r.id === input.newUserId);
    // Staff see only people in their centre: anyone else is "not found", as for dossiers.
    if (!known || !fresh || !(await inCentres(tx, known.id, centreIds))) return { status: 'not_found' } as const;

    const [access] = await tx
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          eq(users.id, fresh.id),
          or(
            sql`exists (select 1 from ${dossierContacts} c where c.user_id = ${fresh.id} and c.revoked_at is null)`,
            sql`exists (select 1 from ${staffMemberships} m where m.user_id = ${fresh.id} and m.active)`,
          ),
        ),
      );
    if (access) return { status: 'new_identity_has_access' } as const;
    if (norm(known.familyName) !== norm(fresh.familyName)) return { status: 'names_differ' } as const;

    const newSub = fresh.itsmeSub;
    await tx.update(users).set({ itsmeSub: `relinked:${fresh.id}` }).where(eq(users.id, fresh.id));
    await tx
      .update(users)
      .set({ itsmeSub: newSub, givenName: fresh.givenName ?? known.givenName, familyName: fresh.familyName, email: fresh.email ?? known.email })
      .where(eq(users.id, known.id));
    await tx.delete(sessions).where(inArray(sessions.userId, [known.id, fresh.id]));
    await recordAudit(tx, {
      actorId: input.staff.id,
      action: 'identity_relinked',
      targetType: 'user',
      targetId: known.id,
      details: { replacedUserId: fresh.id },
      origin: input.origin ?? null,
    });
    return { status: 'relinked' } as const;
  });
}
