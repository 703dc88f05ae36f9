import 'server-only';
import { notFound } from 'next/navigation';
import type { Viewer } from '@/lib/auth/find-session';
import type { DossierAction } from '@/lib/auth/permissions';
import { requestOrigin, requireViewer } from '@/lib/auth/viewer';
import { db } from '@/lib/db/client';
import { rethrowUnlessDatabaseDown } from '@/lib/server/when-database-down';
import { recordView, resolveDossierGrant, type DossierGrant } from './dossier-grant';

/**
 * For pages: the signed-in caller's grant for `action` on this dossier, with the view recorded
 * in the audit log, or the same 404 as for a dossier that does not exist. Anonymous callers
 * are sent to '/aanmelden' first.
 */
export async function requireDossier<A extends DossierAction>(
  dossierId: string,
  action: A,
  returnTo: string,
): Promise<{ viewer: Viewer; grant: DossierGrant<A> }> {
  const viewer = await requireViewer(returnTo);
  const grant = await resolveDossierGrant(db(), viewer, dossierId, action, await requestOrigin()).catch(rethrowUnlessDatabaseDown);
  if (!grant) notFound();
  await recordView(db(), grant);
  return { viewer, grant };
}
