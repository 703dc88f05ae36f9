'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requestOrigin } from '@/lib/auth/viewer';
import { recordAudit } from '@/lib/audit/record-event';
import { revokeContact } from '@/lib/contacts/revoke-contact';
import { db } from '@/lib/db/client';
import { withDossier, type DossierContext } from '@/lib/dossiers/with-dossier';
import { t } from '@/lib/i18n';
import { fill } from '@/lib/i18n/format';
import { cancelInvitation } from '@/lib/invites/cancel-invitation';
import { checkInvitation } from '@/lib/invites/check-invitation';
import { issueCheckToken, verifyCheckToken } from '@/lib/invites/check-token';
import { inviteRequestSchema } from '@/lib/invites/invite-form-schema';
import { normalizeEmail } from '@/lib/invites/normalize-email';
import { limitChecks, limitInvites, minutesUntil } from '@/lib/invites/rate-limits';
import { resendInvitation } from '@/lib/invites/resend-invitation';
import { retryInvitationMail } from '@/lib/invites/retry-invitation-mail';
import { sendInvitation } from '@/lib/invites/send-invitation';
import { kickOutbox } from '@/lib/mail/outbox-worker';
import { isUuid } from '@/lib/text/uuid';

export type CheckResult =
  | { status: 'invalid'; message: string }
  | { status: 'limited'; message: string }
  | { status: 'typo'; message: string; suggestion: string }
  | { status: 'has_access'; message: string }
  | { status: 'open_invitation'; message: string; invitationId: string }
  | { status: 'ok'; message: string; email: string; checkToken: string };

export type ActionResult = { ok: true; message: string } | { ok: false; message: string };

const inviter = ({ viewer }: DossierContext) => ({
  id: viewer.user.id,
  givenName: viewer.user.givenName,
  familyName: viewer.user.familyName,
});

function refresh(dossierId: string) {
  revalidatePath(`/dossiers/${dossierId}/contacten`);
}

/** 'Check'. */
export async function checkInviteAction(dossierId: string, input: unknown): Promise<CheckResult> {
  return withDossier(dossierId, 'contacts.manage', async (ctx) => {
    const parsed = inviteRequestSchema.safeParse(input);
    const rate = await limitChecks(db(), ctx.viewer.user.id);
    if (!rate.allowed) return { status: 'limited', message: fill(t.invite.errors.rateChecks, { minutes: minutesUntil(rate.retryAfterMs) }) };
    if (!parsed.success) {
      return { status: 'invalid', message: parsed.error.issues[0]?.message ?? t.invite.errors.characters };
    }
    const outcome = await checkInvitation(db(), ctx.dossier.dossier.id, parsed.data.email);
    await recordAudit(db(), {
      actorId: ctx.viewer.user.id,
      action: 'invitation_checked',
      dossierId: ctx.dossier.dossier.id,
      details: { outcome: outcome.status, role: parsed.data.role },
      origin: await requestOrigin(),
    });
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
        };
      case 'ok':
        return {
          status: 'ok',
          message: t.invite.result.ok,
          email: outcome.email,
          checkToken: issueCheckToken({
            dossierId: ctx.dossier.dossier.id,
            userId: ctx.viewer.user.id,
            role: parsed.data.role,
            emailKey: outcome.key,
          }),
        };
    }
  });
}

const sendSchema = inviteRequestSchema.extend({ checkToken: z.string({ error: t.invite.errors.notChecked }).max(200, { error: t.invite.errors.notChecked }) });

/** 'Verstuur': only for the exact address, role and dossier that passed Check. */
export async function sendInviteAction(dossierId: string, input: unknown): Promise<ActionResult> {
  return withDossier(dossierId, 'contacts.manage', async (ctx) => {
    const parsed = sendSchema.safeParse(input);
    if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? t.invite.errors.notChecked };
    const { email, role, checkToken } = parsed.data;
    const normalized = normalizeEmail(email);
    const emailKey = normalized.ok ? normalized.key : '';
    // Check issues its token only for an address it found fine, so this also refuses typos.
    if (!normalized.ok || !verifyCheckToken(checkToken, { dossierId: ctx.dossier.dossier.id, userId: ctx.viewer.user.id, role, emailKey })) {
      return { ok: false, message: t.invite.errors.notChecked };
    }
    const rate = await limitInvites(db(), ctx.viewer.user.id);
    if (!rate.allowed) return { ok: false, message: fill(t.invite.errors.rateInvites, { minutes: minutesUntil(rate.retryAfterMs) }) };
    const sent = await sendInvitation(db(), {
      dossierId: ctx.dossier.dossier.id,
      centreId: ctx.dossier.dossier.centreId,
      inviter: inviter(ctx),
      role,
      email,
      origin: await requestOrigin(),
    });
    if (sent.status === 'has_access') return { ok: false, message: t.invite.errors.hasAccess };
    if (sent.status === 'open_invitation') return { ok: false, message: t.invite.errors.openInvitation };
    if (sent.status === 'invalid') return { ok: false, message: t.invite.errors.notChecked };
    kickOutbox();
    refresh(ctx.dossier.dossier.id);
    return { ok: true, message: fill(t.invite.sent, { email: sent.email }) };
  });
}

/** 'Opnieuw versturen'. */
export async function resendInviteAction(dossierId: string, invitationId: string): Promise<ActionResult> {
  return withDossier(dossierId, 'contacts.manage', async (ctx) => {
    if (!isUuid(invitationId)) return { ok: false, message: t.invite.errors.unexpected };
    const rate = await limitInvites(db(), ctx.viewer.user.id);
    if (!rate.allowed) return { ok: false, message: fill(t.invite.errors.rateInvites, { minutes: minutesUntil(rate.retryAfterMs) }) };
    const result = await resendInvitation(db(), {
      dossierId: ctx.dossier.dossier.id,
      centreId: ctx.dossier.dossier.centreId,
      invitationId,
      actor: inviter(ctx),
      origin: await requestOrigin(),
    });
    if (result.status !== 'resent') return { ok: false, message: t.invite.errors.unexpected };
    kickOutbox();
    refresh(ctx.dossier.dossier.id);
    return { ok: true, message: fill(t.invite.list.resent, { email: result.email }) };
  });
}

/** 'Annuleren' of an open invitation. */
export async function cancelInviteAction(dossierId: string, invitationId: string): Promise<ActionResult> {
  return withDossier(dossierId, 'contacts.manage', async (ctx) => {
    if (!isUuid(invitationId)) return { ok: false, message: t.invite.errors.unexpected };
    const result = await cancelInvitation(db(), {
      dossierId: ctx.dossier.dossier.id,
      invitationId,
      actorId: ctx.viewer.user.id,
      origin: await requestOrigin(),
    });
    if (result.status !== 'cancelled') return { ok: false, message: t.invite.errors.unexpected };
    refresh(ctx.dossier.dossier.id);
    return { ok: true, message: fill(t.invite.list.cancelled, { email: result.email }) };
  });
}

/** The retry button of a failed invitation mail. */
export async function retryMailAction(dossierId: string, invitationId: string): Promise<ActionResult> {
  return withDossier(dossierId, 'contacts.manage', async (ctx) => {
    if (!isUuid(invitationId)) return { ok: false, message: t.invite.errors.unexpected };
    const result = await retryInvitationMail(db(), {
      dossierId: ctx.dossier.dossier.id,
      invitationId,
      actorId: ctx.viewer.user.id,
      origin: await requestOrigin(),
    });
    if (!result) return { ok: false, message: t.invite.errors.unexpected };
    kickOutbox();
    refresh(ctx.dossier.dossier.id);
    return { ok: true, message: fill(t.invite.list.retried, { email: result.email }) };
  });
}

/** 'Toegang intrekken'. */
export async function revokeContactAction(dossierId: string, contactId: string): Promise<ActionResult> {
  return withDossier(dossierId, 'contacts.manage', async (ctx) => {
    if (!isUuid(contactId)) return { ok: false, message: t.invite.errors.unexpected };
    const result = await revokeContact(db(), {
      dossierId: ctx.dossier.dossier.id,
      contactId,
      actorId: ctx.viewer.user.id,
      origin: await requestOrigin(),
    });
    if (result.status !== 'revoked') return { ok: false, message: t.invite.errors.unexpected };
    refresh(ctx.dossier.dossier.id);
    return { ok: true, message: fill(t.invite.revoke.done, { name: result.name }) };
  });
}
