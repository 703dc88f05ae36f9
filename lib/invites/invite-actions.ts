import 'server-only';
import type { ActionResult } from '@/lib/actions/result';
import { DEFAULT_LOCALE, isLocale } from '@/lib/codes';
import { db } from '@/lib/db/client';
import { roleLabel, t } from '@/lib/i18n';
import { fill } from '@/lib/i18n/format';
import { cancelInvitation } from './cancel-invitation';
import { checkInvitation } from './check-invitation';
import type { CheckResult } from './check-result';
import { issueCheckToken, verifyCheckToken } from './check-token';
import { fieldErrors, inviteRequestSchema, inviteSendSchema } from './invite-form-schema';
import { INVITE_FIELDS as F, type InviteFormState } from './invite-form-state';
import { emailKeyOf } from './normalize-email';
import { listOpenInvitations } from './list-open-invitations';
import { limitChecks, limitInvites, minutesUntil } from './rate-limits';
import { resendInvitation } from './resend-invitation';
import { retryInvitationMail } from './retry-invitation-mail';
import { sendInvitation } from './send-invitation';
import { offersRole, targetKey, targetOf, type InviteGrant } from './target';

/**
 * The bodies of the invitation actions, once, for every target: 'Beheer contacten' binds them
 * to a dossier grant, 'Beheer organisatie' to a unit grant. The route's action resolves the
 * grant (or answers 404) and calls these; `mail` says the outbox has work.
 */
export type InviteActionResult = ActionResult & { mail?: boolean; invitationId?: string };

const failed = (message: string = t.invite.errors.unexpected) => ({ ok: false as const, message });

async function inviteRateLimit(grant: InviteGrant): Promise<InviteActionResult | null> {
  const rate = await limitInvites(db(), grant.actor.id);
  return rate.allowed ? null : failed(fill(t.invite.errors.rateInvites, { minutes: minutesUntil(rate.retryAfterMs) }));
}

/** 'Check'. */
export async function checkInviteFor(grant: InviteGrant, input: unknown): Promise<CheckResult> {
  const rate = await limitChecks(db(), grant.actor.id);
  if (!rate.allowed) return { status: 'limited', message: fill(t.invite.errors.rateChecks, { minutes: minutesUntil(rate.retryAfterMs) }) };
  const parsed = inviteRequestSchema.safeParse(input);
  if (!parsed.success) return { status: 'invalid', message: parsed.error.issues[0]?.message ?? t.invite.errors.characters, fieldErrors: fieldErrors(parsed.error) };
  const { email, role } = parsed.data;
  const target = targetOf(grant);
  if (!offersRole(target, role)) return { status: 'invalid', message: t.invite.errors.badRequest };
  const outcome = await checkInvitation(db(), grant, email, role);
  switch (outcome.status) {
    case 'invalid':
      return { status: 'invalid', message: t.invite.errors[outcome.problem] };
    case 'typo':
      return { status: 'typo', message: fill(t.invite.result.typo, { suggestion: outcome.suggestion }), suggestion: outcome.suggestion };
    case 'has_access':
      return { status: 'has_access', message: fill(t.invite.result.hasAccess, { role: roleLabel(outcome.role) }) };
    case 'open_invitation':
      return {
        status: 'open_invitation',
        message: fill(t.invite.result.openInvitation, { role: roleLabel(outcome.role) }),
        invitationId: outcome.invitationId,
        role: outcome.role,
      };
    case 'ok':
      return {
        status: 'ok',
        message: t.invite.result.ok,
        email: outcome.email,
        checkToken: issueCheckToken({ target: targetKey(target), userId: grant.actor.id, role, emailKey: outcome.key }),
      };
  }
}

/** 'Verstuur': only for the exact address, role and target that passed Check. */
export async function sendInviteFor(grant: InviteGrant, input: unknown): Promise<InviteActionResult> {
  const parsed = inviteSendSchema.safeParse(input);
  if (!parsed.success) return { ...failed(parsed.error.issues[0]?.message ?? t.invite.errors.notChecked), fieldErrors: fieldErrors(parsed.error) };
  const { email, role, checkToken, locale, expectedName } = parsed.data;
  const emailKey = emailKeyOf(email);
  // Check issues its token only for an address it found fine, so this also refuses typos.
  if (!verifyCheckToken(checkToken, { target: targetKey(targetOf(grant)), userId: grant.actor.id, role, emailKey })) return failed(t.invite.errors.notChecked);
  const limited = await inviteRateLimit(grant);
  if (limited) return limited;
  const sent = await sendInvitation(db(), grant, { role, email, locale, expectedName });
  if (sent.status === 'has_access') return failed(t.invite.errors.hasAccess);
  if (sent.status === 'open_invitation') return failed(t.invite.errors.openInvitation);
  if (sent.status === 'invalid') return failed(t.invite.errors.notChecked);
  return { ok: true, message: fill(t.invite.sent, { email: sent.email }), mail: true, invitationId: sent.invitationId };
}

/** What the invitation page's form leads to: the form again (with Check's answer or a refusal), or a sent invitation. */
export type InviteFormOutcome = { status: 'form'; state: InviteFormState } | { status: 'sent'; invitationId: string };

/**
 * The invitation page's one form (a plain POST, before JavaScript): 'Check' and 'Verstuur' are
 * its two submit buttons and run the dialog's bodies above, so the rules are the same. Verstuur
 * posts the address in the field with the token Check issued: another address is refused.
 */
export async function submitInviteFormFor(grant: InviteGrant, form: unknown): Promise<InviteFormOutcome> {
  const field = (name: string) => {
    const value = form instanceof FormData ? form.get(name) : null;
    return typeof value === 'string' ? value.slice(0, 1000) : '';
  };
  const locale = field(F.locale);
  const values = { email: field(F.email), expectedName: field(F.expectedName), locale: isLocale(locale) ? locale : DEFAULT_LOCALE };
  const role = field(F.role);
  if (field(F.step) === 'send') {
    const sent = await sendInviteFor(grant, { role, email: values.email, checkToken: field(F.checkToken), locale: values.locale, expectedName: values.expectedName });
    if (sent.ok && sent.invitationId) return { status: 'sent', invitationId: sent.invitationId };
    return { status: 'form', state: { values, result: { status: 'error', message: sent.message } } };
  }
  const email = field(F.suggestion) || values.email;
  const result = await checkInviteFor(grant, { role, email });
  return { status: 'form', state: { values: { ...values, email: result.status === 'ok' ? result.email : email }, result } };
}

/** 'Opnieuw versturen'. */
export async function resendInviteFor(grant: InviteGrant, invitationId: string): Promise<InviteActionResult> {
  const limited = await inviteRateLimit(grant);
  if (limited) return limited;
  const result = await resendInvitation(db(), grant, { invitationId });
  if (result.status !== 'resent') return failed();
  return { ok: true, message: fill(t.invite.list.resent, { email: result.email }), mail: true };
}

/** 'Annuleren' of an open invitation. */
export async function cancelInviteFor(grant: InviteGrant, invitationId: string): Promise<InviteActionResult> {
  const result = await cancelInvitation(db(), grant, { invitationId });
  if (result.status !== 'cancelled') return failed();
  return { ok: true, message: fill(t.invite.list.cancelled, { email: result.email }) };
}

/** The retry button of a failed invitation mail. */
export async function retryMailFor(grant: InviteGrant, invitationId: string): Promise<InviteActionResult> {
  const result = await retryInvitationMail(db(), grant, { invitationId });
  if (!result) return failed();
  return { ok: true, message: fill(t.invite.list.retried, { email: result.email }), mail: true };
}

/** The delivery state of each open invitation (read-only): 'In wachtrij' follows the outbox without a reload. */
export async function deliveryStatesFor(grant: InviteGrant): Promise<Record<string, string>> {
  const rows = await listOpenInvitations(db(), grant);
  return Object.fromEntries(rows.map((row) => [row.id, row.delivery]));
}
