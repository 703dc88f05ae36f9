'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getViewer, requestOrigin } from '@/lib/auth/viewer';
import { db } from '@/lib/db/client';
import { acceptInvitation } from '@/lib/invites/accept-invitation';
import { isTokenShaped } from '@/lib/invites/token';
import { kickOutbox } from '@/lib/mail/outbox-worker';

/** 'Uitnodiging aanvaarden': an explicit POST by a signed-in person; then straight to the new access (the dossier, or the staff member's pages). */
export async function acceptInvitationAction(token: string): Promise<void> {
  const safeToken = isTokenShaped(token) ? token : null;
  const viewer = await getViewer();
  if (!viewer) redirect(safeToken ? `/aanmelden?terug=${encodeURIComponent(`/uitnodiging/${safeToken}`)}` : '/aanmelden');
  if (!safeToken) redirect('/uitnodiging/ongeldig');
  const result = await acceptInvitation(db(), { token: safeToken, userId: viewer.user.id, origin: await requestOrigin() });
  if (result.status !== 'accepted') redirect(`/uitnodiging/${safeToken}?fout=1`);
  kickOutbox();
  // The shell (its 'Mijn dossiers' entry) depends on the new access: render the layout afresh.
  revalidatePath('/', 'layout');
  redirect(result.next);
}
