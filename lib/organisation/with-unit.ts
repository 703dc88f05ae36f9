import 'server-only';
import { notFound } from 'next/navigation';
import type { UnitAction } from '@/lib/auth/permissions';
import { getViewer, requestOrigin } from '@/lib/auth/viewer';
import { db } from '@/lib/db/client';
import { isUnitRef, resolveUnitGrant, type UnitGrant } from './unit-grant';

/**
 * For server actions: resolves the caller's grant for `action` on this unit before the body
 * runs and fails closed with the same 404 for no session, no role over the unit, a forbidden
 * action or no unit. The body receives the grant, which the domain functions require.
 */
export async function withUnit<A extends UnitAction, T>(ref: unknown, action: A, body: (grant: UnitGrant<A>) => Promise<T>): Promise<T> {
  const viewer = await getViewer();
  if (!viewer || !isUnitRef(ref)) notFound();
  const grant = await resolveUnitGrant(db(), viewer, ref, action, await requestOrigin());
  if (!grant) notFound();
  return body(grant);
}
