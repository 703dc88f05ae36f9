'use server';

import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/actions/result';
import { revokeContact } from '@/lib/contacts/revoke-contact';
import { db } from '@/lib/db/client';
import type { DossierGrant } from '@/lib/dossiers/dossier-grant';
import { withDossier } from '@/lib/dossiers/with-dossier';
import { t } from '@/lib/i18n';
import { fill } from '@/lib/i18n/format';
import { cancelInvitation } from '@/lib/invites/cancel-invitation';
import { checkInvitation } from '@/lib/invites/check-invitation';
import type { CheckResult } from '@/lib/invites/check-result';
import { issueCheckToken, verifyCheckToken } from '@/lib/invites/check-token';
import { fieldErrors, inviteRequestSchema, inviteSendSchema } from '@/lib/invites/invite-form-schema';
import { emailKeyOf } from '@/lib/invites/normalize-email';
import { listOpenInvitations } from '@/lib/invites/list-open-invitations';
import { limitChecks, limitInvites, minutesUntil } from '@/lib/invites/rate-limits';
import { resendInvitation } from '@/lib/invites/resend-invitation';
import { retryInvitationMail } from '@/lib/invites/retry-invitation-mail';
import { sendInvitation } from '@/lib/invites/send-invitation';
import { kickOutbox } from '@/lib/mail/outbox-worker';
import { isUuid } from '@/lib/text/uuid';

type Grant = DossierGrant<'contacts.manage'>;

const failed = (message: string = t.invite.errors.unexpected): ActionResult => ({ ok: false, message });

/**
 * The shape every 'Beheer contacten' action shares: the caller's grant on this dossier (or the
 * 404), then the body; a success refreshes the page (and wakes the outbox when a mail was queued).
 */
function contactsAction(dossierId: unknown, body: (grant: Grant) => Promise<ActionResult & { mail?: boolean }>): Promise<ActionResult> {
  return withDossier(dossierId, 'contacts.manage', async (grant) => {
    const { mail, ...result } = await body(grant);
    if (result.ok) {
      if (mail) kickOutbox();
      revalidatePath(`/dossiers/${grant.id}/contacten`);
    }
    return result;
  });
}

/** A row action (an invitation or a contact of this dossier, by id): a malformed id is refused before the body runs. */
function rowAction(dossierId: unknown, rowId: unknown, body: (grant: Grant, rowId: string) => Promise<ActionResult & { mail?: boolean }>) {
  return contactsAction(dossierId, (grant) => (typeof rowId === 'string' && isUuid(rowId) ? body(grant, rowId) : Promise.resolve(failed())));
}

async function inviteRateLimit(grant: Grant): Promise<ActionResult | null> {
  const rate = await limitInvites(db(), grant.actor.id);
  return rate.allowed ? null : failed(fill(t.invite.errors.rateInvites, { minutes: minutesUntil(rate.retryAfterMs) }));
}

/** 'Check'. */
export async function checkInviteAction(dossierId: string, input: unknown): Promise<CheckResult> {
  return withDossier(dossierId, 'contacts.manage', async (grant) => {
    const rate = await limitChecks(db(), grant.actor.id);
    if (!rate.allowed) return { status: 'limited', message: fill(t.invite.errors.rateChecks, { minutes: minutesUntil(rate.retryAfterMs) }) };
    const parsed = inviteRequestSchema.safeParse(input);
    if (!parsed.success) return { status: 'invalid', message: parsed.error.issues[0]?.message ?? t.invite.errors.characters, fieldErrors: fieldErrors(parsed.error) };
    const { email, role } = parsed.data;
    const outcome = await checkInvitation(db(), grant, email, role);
    switch (outcome.status) {
      case 'invalid':
        return { status: 'invalid', message: t.invite.errors[outcome.problem] };
      case 'typo':
        return { status: 'typo', message: fill(t.invite.result.typo, { suggestion: outcome.suggestion }), suggestion: outcome.suggestion };
      case 'has_access':
        return { status: 'has_access', message: fill(t.invite.result.hasAccess, { role: t.roles.contact[outcome.role] }) };
      case 'open_invitation':
        return {
          status: 'open_invitation',
          message: fill(t.invite.result.openInvitation, { role: t.roles.contact[outcome.role] }),
          invitationId: outcome.invitationId,
          role: outcome.role,
        };
      case 'ok':
        return {
          status: 'ok',
          message: t.invite.result.ok,
          email: outcome.email,
          checkToken: issueCheckToken({ dossierId: grant.id, userId: grant.actor.id, role, emailKey: outcome.key }),
        };
    }
  });
}

/** 'Verstuur': only for the exact address, role and dossier that passed Check. */
export async function sendInviteAction(dossierId: string, input: unknown): Promise<ActionResult> {
  return contactsAction(dossierId, async (grant) => {
    const parsed = inviteSendSchema.safeParse(input);
    if (!parsed.success) return { ...failed(parsed.error.issues[0]?.message ?? t.invite.errors.notChecked), fieldErrors: fieldErrors(parsed.error) };
    const { email, role, checkToken } = parsed.data;
    const emailKey = emailKeyOf(email);
    // Check issues its token only for an address it found fine, so this also refuses typos.
    if (!verifyCheckToken(checkToken, { dossierId: grant.id, userId: grant.actor.id, role, emailKey })) return failed(t.invite.errors.notChecked);
    const limited = await inviteRateLimit(grant);
    if (limited) return limited;
    const sent = await sendInvitation(db(), grant, { role, email });
    if (sent.status === 'has_access') return failed(t.invite.errors.hasAccess);
    if (sent.status === 'open_invitation') return failed(t.invite.errors.openInvitation);
    if (sent.status === 'invalid') return failed(t.invite.errors.notChecked);
    return { ok: true, message: fill(t.invite.sent, { email: sent.email }), mail: true };
  });
}

/** 'Opnieuw versturen'. */
export async function resendInviteAction(dossierId: string, invitationId: string): Promise<ActionResult> {
  return rowAction(dossierId, invitationId, async (grant, id) => {
    const limited = await inviteRateLimit(grant);
    if (limited) return limited;
    const result = await resendInvitation(db(), grant, { invitationId: id });
    if (result.status !== 'resent') return failed();
    return { ok: true, message: fill(t.invite.list.resent, { email: result.email }), mail: true };
  });
}

/** 'Annuleren' of an open invitation. */
export async function cancelInviteAction(dossierId: string, invitationId: string): Promise<ActionResult> {
  return rowAction(dossierId, invitationId, async (grant, id) => {
    const result = await cancelInvitation(db(), grant, { invitationId: id });
    if (result.status !== 'cancelled') return failed();
    return { ok: true, message: fill(t.invite.list.cancelled, { email: result.email }) };
  });
}

/** The retry button of a failed invitation mail. */
export async function retryMailAction(dossierId: string, invitationId: string): Promise<ActionResult> {
  return rowAction(dossierId, invitationId, async (grant, id) => {
    const result = await retryInvitationMail(db(), grant, { invitationId: id });
    if (!result) return failed();
    return { ok: true, message: fill(t.invite.list.retried, { email: result.email }), mail: true };
  });
}

/** The delivery state of each open invitation (read-only), so 'In wachtrij' turns without a reload. */
export async function deliveryStatesAction(dossierId: string): Promise<Record<string, string>> {
  return withDossier(dossierId, 'contacts.manage', async (grant) => {
    const rows = await listOpenInvitations(db(), grant);
    return Object.fromEntries(rows.map((row) => [row.id, row.delivery]));
  });
}

/** 'Toegang intrekken'. */
export async function revokeContactAction(dossierId: string, contactId: string): Promise<ActionResult> {
  return rowAction(dossierId, contactId, async (grant, id) => {
    const result = await revokeContact(db(), grant, { contactId: id });
    if (result.status !== 'revoked') return failed();
    return { ok: true, message: fill(t.invite.revoke.done, { name: result.name }) };
  });
}
