'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { ActionResult } from '@/lib/actions/result';
import { decideContact } from '@/lib/contacts/decide-contact';
import { revokeContact } from '@/lib/contacts/revoke-contact';
import { db } from '@/lib/db/client';
import type { DossierGrant } from '@/lib/dossiers/dossier-grant';
import { withDossier } from '@/lib/dossiers/with-dossier';
import { t } from '@/lib/i18n';
import { fill } from '@/lib/i18n/format';
import type { CheckResult } from '@/lib/invites/check-result';
import {
  cancelInviteFor,
  checkInviteFor,
  deliveryStatesFor,
  resendInviteFor,
  retryMailFor,
  sendInviteFor,
  submitInviteFormFor,
  type InviteActionResult,
} from '@/lib/invites/invite-actions';
import type { InviteFormState } from '@/lib/invites/invite-form-state';
import { kickOutbox } from '@/lib/mail/outbox-worker';
import { isUuid } from '@/lib/text/uuid';

type Grant = DossierGrant<'contacts.manage'>;

const failed = (message: string = t.invite.errors.unexpected): ActionResult => ({ ok: false, message });

/**
 * The shape every 'Beheer contacten' action shares: the caller's grant on this dossier (or the
 * 404), then the body; a success refreshes the page (and wakes the outbox when a mail was queued).
 */
function contactsAction(dossierId: unknown, body: (grant: Grant) => Promise<InviteActionResult>): Promise<ActionResult> {
  return withDossier(dossierId, 'contacts.manage', async (grant) => {
    const { mail, invitationId: _sent, ...result } = await body(grant);
    if (result.ok) {
      if (mail) kickOutbox();
      revalidatePath(`/dossiers/${grant.id}/contacten`);
    }
    return result;
  });
}

/** A row action (an invitation or a contact of this dossier, by id): a malformed id is refused before the body runs. */
function rowAction(dossierId: unknown, rowId: unknown, body: (grant: Grant, rowId: string) => Promise<InviteActionResult>) {
  return contactsAction(dossierId, (grant) => (typeof rowId === 'string' && isUuid(rowId) ? body(grant, rowId) : Promise.resolve(failed())));
}

/** 'Check'. */
export async function checkInviteAction(dossierId: string, input: unknown): Promise<CheckResult> {
  return withDossier(dossierId, 'contacts.manage', (grant) => checkInviteFor(grant, input));
}

/** 'Verstuur': only for the exact address, role and dossier that passed Check. */
export async function sendInviteAction(dossierId: string, input: unknown): Promise<ActionResult> {
  return contactsAction(dossierId, (grant) => sendInviteFor(grant, input));
}

/**
 * The invitation page's form ('Nodig iemand nieuw uit' before JavaScript): Check answers the
 * form; a sent invitation goes back to 'Beheer contacten', which confirms it.
 */
export async function inviteFormAction(dossierId: string, _state: InviteFormState, form: FormData): Promise<InviteFormState> {
  return withDossier(dossierId, 'contacts.manage', async (grant) => {
    const outcome = await submitInviteFormFor(grant, form);
    if (outcome.status === 'form') return outcome.state;
    kickOutbox();
    revalidatePath(`/dossiers/${grant.id}/contacten`);
    redirect(`/dossiers/${grant.id}/contacten?uitgenodigd=${outcome.invitationId}`);
  });
}

/** 'Opnieuw versturen'. */
export async function resendInviteAction(dossierId: string, invitationId: string): Promise<ActionResult> {
  return rowAction(dossierId, invitationId, resendInviteFor);
}

/** 'Annuleren' of an open invitation. */
export async function cancelInviteAction(dossierId: string, invitationId: string): Promise<ActionResult> {
  return rowAction(dossierId, invitationId, cancelInviteFor);
}

/** The retry button of a failed invitation mail. */
export async function retryMailAction(dossierId: string, invitationId: string): Promise<ActionResult> {
  return rowAction(dossierId, invitationId, retryMailFor);
}

/** The delivery state of each open invitation (read-only), so 'In wachtrij' turns without a reload. */
export async function deliveryStatesAction(dossierId: string): Promise<Record<string, string>> {
  return withDossier(dossierId, 'contacts.manage', deliveryStatesFor);
}

/** 'Toegang intrekken'. */
export async function revokeContactAction(dossierId: string, contactId: string): Promise<ActionResult> {
  return rowAction(dossierId, contactId, async (grant, id) => {
    const result = await revokeContact(db(), grant, { contactId: id });
    if (result.status !== 'revoked') return failed();
    return { ok: true, message: fill(t.invite.revoke.done, { name: result.name }) };
  });
}

/** 'Bevestigen': the contact awaiting confirmation was the person meant; access from now on. */
export async function confirmContactAction(dossierId: string, contactId: string): Promise<ActionResult> {
  return rowAction(dossierId, contactId, async (grant, id) => {
    const result = await decideContact(db(), grant, { contactId: id, decision: 'confirm' });
    if (result.status !== 'confirmed') return failed();
    return { ok: true, message: fill(t.contacts.pending.confirmed, { name: result.name }) };
  });
}

/** 'Weigeren': the contact awaiting confirmation was not the person meant; they never get access. */
export async function refuseContactAction(dossierId: string, contactId: string): Promise<ActionResult> {
  return rowAction(dossierId, contactId, async (grant, id) => {
    const result = await decideContact(db(), grant, { contactId: id, decision: 'refuse' });
    if (result.status !== 'refused') return failed();
    return { ok: true, message: fill(t.contacts.pending.refusedDone, { name: result.name }) };
  });
}
