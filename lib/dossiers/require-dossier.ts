import 'server-only';
import { notFound } from 'next/navigation';
import { can, type DossierAction } from '@/lib/auth/permissions';
import { requireViewer } from '@/lib/auth/viewer';
import { db } from '@/lib/db/client';
import { rethrowUnlessDatabaseDown } from '@/lib/server/when-database-down';
import { getDossierAccess, type DossierWithAccess } from './get-dossier-access';
import type { Viewer } from '@/lib/auth/find-session';

/**
 * For pages: the signed-in caller and the dossier they may use for `action`, or the same 404
 * as for a dossier that does not exist. Anonymous callers are sent to '/aanmelden' first.
 */
export async function requireDossier(
  dossierId: string,
  action: DossierAction,
  returnTo: string,
): Promise<{ viewer: Viewer; dossier: DossierWithAccess }> {
  const viewer = await requireViewer(returnTo);
  const dossier = await getDossierAccess(db(), viewer, dossierId).catch(rethrowUnlessDatabaseDown);
  if (!dossier || !can(dossier.access, action)) notFound();
  return { viewer, dossier };
}
