import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import type { DossierGrant } from '@/lib/dossiers/dossier-grant';
import { auditEvents, users } from '@/lib/db/schema';

export const AUDIT_PAGE_SIZE = 50;

/** A dossier's audit events, newest first, paged by id (the identity column only grows). */
export async function listDossierEvents(db: Db, grant: DossierGrant<'audit.view'>, before?: number) {
  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      origin: auditEvents.origin,
      givenName: users.givenName,
      familyName: users.familyName,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.dossierId, grant.id), before ? lt(auditEvents.id, before) : undefined))
    .orderBy(desc(auditEvents.id))
    .limit(AUDIT_PAGE_SIZE + 1);
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  return {
    events: page.map((r) => ({
      id: r.id,
      at: r.at,
      action: r.action,
      actor: r.givenName ? `${r.givenName} ${r.familyName}` : null,
    })),
    nextBefore: rows.length > AUDIT_PAGE_SIZE ? page.at(-1)!.id : null,
  };
}
