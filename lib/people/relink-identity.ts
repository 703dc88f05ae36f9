import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit/record-event';
import type { Db } from '@/lib/db/client';
import { rowsOf } from '@/lib/db/rows';
import { dossierContacts, sessions, users } from '@/lib/db/schema';
import type { UnitGrant } from '@/lib/organisation/unit-grant';
import { personName } from '@/lib/text/person-name';
import { isUuid } from '@/lib/text/uuid';
import { accessInCentre, anyAccess } from './access-in-centre';

export type RelinkInput = {
  /** The person as Diplon knows them, with their access (the old itsme `sub`). */
  knownUserId: unknown;
  /** The same person after re-creating their itsme account: registered anew, with no access yet. */
  newUserId: unknown;
};

export type RelinkResult =
  | { status: 'relinked'; name: string }
  | { status: 'not_found' }
  | { status: 'same_person' }
  | { status: 'new_identity_has_access' }
  | { status: 'names_differ' };

/** The dead `sub` a relinked stranger keeps: no itsme login can ever present it. */
export const RELINKED = 'relinked:';

const norm = (value: string | null) => (value ?? '').trim().toLocaleLowerCase('nl-BE');

async function has(tx: Db, condition: SQL): Promise<boolean> {
  return Boolean(rowsOf<{ found: boolean }>(await tx.execute(sql`select ${condition} as found`))[0]?.found);
}

/**
 * 'Koppel opnieuw': itsme gives a person who deleted and re-created their account a new `sub`,
 * so they register as a stranger. Centre staff who have checked (outside Diplon) that both are
 * the same person move the itsme identity onto the known person: the known row takes the new
 * `sub` and itsme's names, so every contact, membership, invitation and audit event stays with
 * them; the stranger's row keeps a dead `sub` (its registration stays in the audit log). Both
 * persons' sessions end. Refused when the new identity already has access (that would be a
 * merge), or when itsme's family names differ. One transaction, audited: one event for the
 * centre (its 'Koppel opnieuw' page lists them) and one in the logbook of each dossier the person
 * is a contact of.
 *
 * Who may: centre staff, on their centre (`people.relink` in the permission table): the known
 * person must have access in that centre; the new one may have none anywhere.
 */
export async function relinkIdentity(db: Db, grant: UnitGrant<'people.relink'>, input: RelinkInput): Promise<RelinkResult> {
  const { knownUserId, newUserId } = input;
  if (grant.unit.kind !== 'centre' || typeof knownUserId !== 'string' || typeof newUserId !== 'string' || !isUuid(knownUserId) || !isUuid(newUserId)) {
    return { status: 'not_found' };
  }
  if (knownUserId === newUserId) return { status: 'same_person' };
  const centreId = grant.unit.centreId;
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(users)
      .where(inArray(users.id, [knownUserId, newUserId]))
      .for('update');
    const known = rows.find((r) => r.id === knownUserId);
    const fresh = rows.find((r) => r.id === newUserId);
    // Staff see only people in their centre: anyone else is "not found", as for dossiers.
    // A row already relinked is a dead identity, not a new account.
    if (!known || !fresh || fresh.itsmeSub.startsWith(RELINKED)) return { status: 'not_found' } as const;
    if (!(await has(tx, accessInCentre(sql`${known.id}::uuid`, centreId)))) return { status: 'not_found' } as const;

    if (await has(tx, anyAccess(sql`${fresh.id}::uuid`))) return { status: 'new_identity_has_access' } as const;
    if (norm(known.familyName) !== norm(fresh.familyName)) return { status: 'names_differ' } as const;

    const newSub = fresh.itsmeSub;
    await tx.update(users).set({ itsmeSub: `${RELINKED}${fresh.id}` }).where(eq(users.id, fresh.id));
    await tx
      .update(users)
      .set({ itsmeSub: newSub, givenName: fresh.givenName ?? known.givenName, familyName: fresh.familyName, email: fresh.email ?? known.email })
      .where(eq(users.id, known.id));
    await tx.delete(sessions).where(inArray(sessions.userId, [known.id, fresh.id]));
    const details = { replacedUserId: fresh.id, centreId: grant.unit.centreId };
    await recordAudit(tx, { actorId: grant.actor.id, action: 'identity_relinked', targetType: 'user', targetId: known.id, details, origin: grant.origin });
    const contacts = await tx
      .select({ id: dossierContacts.id, dossierId: dossierContacts.dossierId })
      .from(dossierContacts)
      .where(and(eq(dossierContacts.userId, known.id), isNull(dossierContacts.revokedAt)));
    for (const contact of contacts) {
      await recordAudit(tx, {
        actorId: grant.actor.id,
        action: 'identity_relinked',
        dossierId: contact.dossierId,
        targetType: 'contact',
        targetId: contact.id,
        details,
        origin: grant.origin,
      });
    }
    return { status: 'relinked', name: personName({ givenName: fresh.givenName ?? known.givenName, familyName: fresh.familyName }) } as const;
  });
}
