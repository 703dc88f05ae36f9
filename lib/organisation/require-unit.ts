import 'server-only';
import { notFound } from 'next/navigation';
import type { Viewer } from '@/lib/auth/find-session';
import type { UnitAction } from '@/lib/auth/permissions';
import { requestOrigin, requireViewer } from '@/lib/auth/viewer';
import { recordAudit } from '@/lib/audit/record-event';
import { db } from '@/lib/db/client';
import { rethrowUnlessDatabaseDown } from '@/lib/server/when-database-down';
import { resolveUnitGrant, type UnitGrant, type UnitRef } from './unit-grant';

/**
 * For pages: the signed-in caller's grant for `action` on this unit, with the view recorded in
 * the audit log, or the same 404 as for a unit (or dossier) that does not exist. Anonymous
 * callers are sent to '/aanmelden' first.
 */
export async function requireUnit<A extends UnitAction>(ref: UnitRef, action: A, returnTo: string): Promise<{ viewer: Viewer; grant: UnitGrant<A> }> {
  const viewer = await requireViewer(returnTo);
  const grant = await resolveUnitGrant(db(), viewer, ref, action, await requestOrigin()).catch(rethrowUnlessDatabaseDown);
  if (!grant) notFound();
  await recordAudit(db(), {
    actorId: grant.actor.id,
    action: 'organisation_viewed',
    targetType: grant.unit.kind,
    targetId: grant.unit.id,
    origin: grant.origin,
  });
  return { viewer, grant };
}
