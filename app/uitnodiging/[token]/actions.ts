'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getViewer, requestOrigin, signInPath } from '@/lib/auth/viewer';
import { db } from '@/lib/db/client';
import { getLocale } from '@/lib/i18n/request-locale';
import { acceptInvitation, SELF_CONFIRM_FIELD } from '@/lib/invites/accept-invitation';
import { limitAccepts } from '@/lib/invites/rate-limits';
import { isTokenShaped } from '@/lib/invites/token';
import { kickOutbox } from '@/lib/mail/outbox-worker';

/**
 * 'Uitnodiging aanvaarden': an explicit POST by a signed-in person; then straight to the new access
 * (the dossier, or the staff member's pages: `result.next`), or, when the centre must first
 * confirm it was the person meant, to 'Mijn dossiers' which says so. Someone with an
 * organisation role must tick the second step on a dossier invitation.
 * Rate-limited per client address like the link page, so it is no faster way to try tokens.
 */
export async function acceptInvitationAction(token: string, formData?: FormData): Promise<void> {
  const safeToken = isTokenShaped(token) ? token : null;
  const viewer = await getViewer();
  if (!viewer) redirect(safeToken ? await signInPath(`/uitnodiging/${safeToken}`) : '/aanmelden');
  if (!safeToken) redirect('/uitnodiging/ongeldig');
  const origin = await requestOrigin();
  const rate = await limitAccepts(db(), origin);
  if (!rate.allowed) redirect(`/uitnodiging/${safeToken}?fout=te-veel`);
  const confirmedBySelf = formData instanceof FormData && formData.get(SELF_CONFIRM_FIELD) === 'ja';
  const result = await acceptInvitation(db(), { token: safeToken, userId: viewer.user.id, origin, confirmedBySelf, locale: await getLocale() });
  if (result.status === 'needs_second_step') redirect(`/uitnodiging/${safeToken}?fout=bevestig`);
  // A used link answers its page with the way back (the dossier for whoever accepted it).
  if (result.status === 'invalid') redirect(`/uitnodiging/${safeToken}?fout=1`);
  kickOutbox();
  // The shell (its 'Mijn dossiers' entry) depends on the new access: render the layout afresh.
  revalidatePath('/', 'layout');
  if (result.status === 'awaiting_confirmation') redirect('/mijn-dossiers?bevestiging=1');
  redirect(result.next);
}
