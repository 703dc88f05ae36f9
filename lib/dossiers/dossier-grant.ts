import { recordAudit, type AuditAction } from '@/lib/audit/record-event';
import type { Membership } from '@/lib/auth/find-session';
import { can, type DossierAction } from '@/lib/auth/permissions';
import type { Db } from '@/lib/db/client';
import { getDossierAccess, type AccessibleDossier } from './get-dossier-access';

const granted: unique symbol = Symbol('dossier grant');

/** Who acts, as the audit log and the mails name them. */
export type Actor = { id: string; givenName: string | null; familyName: string };

/**
 * Proof that `actor` may do `A` on this dossier, read fresh for this request. Only this module
 * can make one (the brand's symbol is not exported), and only after `can()` passed; every
 * domain function that acts on one dossier takes one, so code that skipped the check does not
 * compile. A grant for one action is not a grant for another.
 */
export type DossierGrant<A extends DossierAction> = AccessibleDossier & {
  readonly actor: Actor;
  /** Where the request came from, for the audit log. */
  readonly origin: string | null;
  readonly [granted]: A;
};

type Caller = { user: Actor; memberships: readonly Membership[] };

/** What opening a page with this action writes to the audit log (every dossier page records its view). */
const VIEW_EVENTS: Record<DossierAction, AuditAction | null> = {
  'dossier.view': 'dossier_viewed',
  'contacts.view': 'contacts_viewed',
  'audit.view': 'audit_viewed',
  'contacts.manage': null,
  'entries.write': null,
  'requests.work': null,
  // 'Werkversie bewerken' shows the student and the draft: a view of the dossier.
  'requests.submit': 'dossier_viewed',
};

/** The caller's grant for `action` on this dossier, or null for a malformed, unknown, out-of-reach or forbidden one alike. */
export async function resolveDossierGrant<A extends DossierAction>(
  db: Db,
  caller: Caller,
  dossierId: string,
  action: A,
  origin: string | null = null,
): Promise<DossierGrant<A> | null> {
  const dossier = await getDossierAccess(db, caller, dossierId);
  if (!dossier || !can(dossier.access, action)) return null;
  const { id, givenName, familyName } = caller.user;
  return { ...dossier, actor: { id, givenName, familyName }, origin, [granted]: action };
}

/** The same caller's grant for another action on the same dossier (within one request), or null. */
export function narrowGrant<A extends DossierAction>(grant: DossierGrant<DossierAction>, action: A): DossierGrant<A> | null {
  if (!can(grant.access, action)) return null;
  return { ...grant, [granted]: action };
}

/** Records that the grant's holder opened the page its action guards. */
export async function recordView(db: Db, grant: DossierGrant<DossierAction>): Promise<void> {
  const action = VIEW_EVENTS[grant[granted]];
  if (action) await recordAudit(db, { actorId: grant.actor.id, action, dossierId: grant.id, origin: grant.origin });
}
