import 'server-only';
import { notFound } from 'next/navigation';
import type { Viewer } from '@/lib/auth/find-session';
import { can, type DossierAction } from '@/lib/auth/permissions';
import { getViewer } from '@/lib/auth/viewer';
import { db } from '@/lib/db/client';
import { getDossierAccess, type DossierWithAccess } from './get-dossier-access';

export type DossierContext = { viewer: Viewer; dossier: DossierWithAccess };

/**
 * For server actions: resolves the caller's access to this dossier before the body runs and
 * fails closed with the same 404 for no session, no access, a forbidden action or no dossier.
 * The body receives the context as proof that the check happened.
 */
export async function withDossier<T>(
  dossierId: unknown,
  action: DossierAction,
  body: (context: DossierContext) => Promise<T>,
): Promise<T> {
  const viewer = await getViewer();
  if (!viewer || typeof dossierId !== 'string') notFound();
  const dossier = await getDossierAccess(db(), viewer, dossierId);
  if (!dossier || !can(dossier.access, action)) notFound();
  return body({ viewer, dossier });
}
