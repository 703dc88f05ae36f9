import 'server-only';
import { notFound } from 'next/navigation';
import type { DossierAction } from '@/lib/auth/permissions';
import { getViewer, requestOrigin } from '@/lib/auth/viewer';
import { db } from '@/lib/db/client';
import { resolveDossierGrant, type DossierGrant } from './dossier-grant';

/**
 * For server actions: resolves the caller's grant for `action` on this dossier before the body
 * runs and fails closed with the same 404 for no session, no access, a forbidden action or no
 * dossier. The body receives the grant, which the domain functions require.
 */
export async function withDossier<A extends DossierAction, T>(
  dossierId: unknown,
  action: A,
  body: (grant: DossierGrant<A>) => Promise<T>,
): Promise<T> {
  const viewer = await getViewer();
  if (!viewer || typeof dossierId !== 'string') notFound();
  const grant = await resolveDossierGrant(db(), viewer, dossierId, action, await requestOrigin());
  if (!grant) notFound();
  return body(grant);
}
