import { eq } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit/record-event';
import { DEFAULT_LOCALE, type InviteRole, type Locale } from '@/lib/codes';
import { env } from '@/lib/config/env';
import type { Db } from '@/lib/db/client';
import type { Actor } from '@/lib/dossiers/dossier-grant';
import { centres, invitations } from '@/lib/db/schema';
import { enqueueMail } from '@/lib/mail/enqueue-mail';
import { findAddressOnTarget } from './find-address-on-target';
import { EXPECTED_NAME_MAX } from './invite-form-state';
import { normalizeEmail } from './normalize-email';
import { auditDossierOf, auditUnitOf, centreOf, offersRole, targetColumns, targetOf, type InviteGrant, type InviteTarget } from './target';
import { hashToken, invitationLink, linkExpiresAt, newInvitationToken } from './token';
import { personName } from '@/lib/text/person-name';

export type SendOutcome =
  | { status: 'sent'; invitationId: string; mailId: string; email: string }
  | { status: 'invalid' }
  | { status: 'has_access'; role: InviteRole }
  | { status: 'open_invitation'; invitationId: string };

/** When a link sent (or sent again) at `now` stops working. */
export function invitationExpiry(now: Date): Date {
  return linkExpiresAt(now, env().INVITATION_TTL_DAYS);
}

/**
 * 'Naam zoals gekend door de school' as stored: spaces collapsed, control and format characters
 * and lone surrogates dropped (PostgreSQL refuses some, no name has any), at most 200 characters.
 */
export function cleanExpectedName(value: string | null | undefined): string | null {
  const clean = (value ?? '')
    .replace(/\s+/g, ' ')
    .replace(/[\p{Cc}\p{Cf}\p{Cs}]/gu, '')
    .trim()
    .slice(0, EXPECTED_NAME_MAX)
    .trim();
  return clean || null;
}

/** Queues the invitation mail for an invitation row (in the invitee's language) and points the row at it. */
export async function queueInvitationMail(
  tx: Db,
  input: {
    invitationId: string;
    email: string;
    role: InviteRole;
    inviter: Actor | null;
    target: InviteTarget;
    token: string;
    expiresAt: Date;
    locale?: Locale;
    replaces?: boolean;
  },
): Promise<string> {
  const [centre] = await tx.select({ name: centres.name }).from(centres).where(eq(centres.id, centreOf(input.target))).limit(1);
  const unit = input.target.kind === 'unit' && input.target.unit.kind !== 'centre' ? input.target.unit : null;
  const mail = await enqueueMail(tx, {
    to: input.email,
    template: 'invitation',
    payload: {
      inviterName: input.inviter ? personName(input.inviter) : (centre?.name ?? env().APP_NAME),
      organisationName: centre?.name ?? env().APP_NAME,
      role: input.role,
      ...(unit ? { unitName: unit.kind === 'department' ? `${unit.name} (${unit.schoolName})` : unit.name } : {}),
      expiresAt: input.expiresAt.toISOString(),
      locale: input.locale ?? DEFAULT_LOCALE,
      ...(input.replaces ? { replaces: true } : {}),
    },
    secret: invitationLink(env().APP_URL, input.token),
  });
  await tx.update(invitations).set({ mailId: mail.id, sentAt: new Date() }).where(eq(invitations.id, input.invitationId));
  return mail.id;
}

/**
 * A new invitation and its mail, inside the caller's transaction; the common part of 'Verstuur'
 * and of `npm run centre:init` (whose inviter is the installation: null). Returns the link
 * only to its caller; it is stored nowhere but sealed in the outbox.
 */
export async function createInvitation(
  tx: Db,
  target: InviteTarget,
  input: {
    role: InviteRole;
    email: string;
    key: string;
    inviter: Actor | null;
    origin: string | null;
    now: Date;
    via?: string;
    /** A dossier invitee's language (staff invitations are Dutch). */
    locale?: Locale;
    /** 'Naam zoals gekend door de school' (dossier invitations), compared with the itsme name at acceptance. */
    expectedName?: string | null;
  },
): Promise<SendOutcome & { link?: string }> {
  const locale = target.kind === 'dossier' ? (input.locale ?? DEFAULT_LOCALE) : DEFAULT_LOCALE;
  const expectedName = target.kind === 'dossier' ? cleanExpectedName(input.expectedName) : null;
  if (!offersRole(target, input.role)) return { status: 'invalid' };
  if (target.kind === 'unit' && !target.unit.active) return { status: 'invalid' };
  const existing = await findAddressOnTarget(tx, target, input.key);
  if (existing.existingRole) return { status: 'has_access', role: existing.existingRole };
  if (existing.openInvitation) return { status: 'open_invitation', invitationId: existing.openInvitation.id };
  const token = newInvitationToken();
  const expiresAt = invitationExpiry(input.now);
  const [row] = await tx
    .insert(invitations)
    .values({
      ...targetColumns(target, input.role),
      email: input.email,
      emailKey: input.key,
      tokenHash: hashToken(token),
      invitedBy: input.inviter?.id ?? null,
      locale,
      expectedName,
      createdAt: input.now,
      expiresAt,
    })
    // A concurrent Verstuur for the same address got there first: the partial unique index decides.
    .onConflictDoNothing()
    .returning({ id: invitations.id });
  if (!row) {
    const again = await findAddressOnTarget(tx, target, input.key);
    return { status: 'open_invitation', invitationId: again.openInvitation?.id ?? '' };
  }
  const mailId = await queueInvitationMail(tx, { invitationId: row.id, email: input.email, role: input.role, inviter: input.inviter, target, token, expiresAt, locale });
  await recordAudit(tx, {
    actorId: input.inviter?.id ?? null,
    action: 'invitation_sent',
    dossierId: auditDossierOf(target),
    targetType: 'invitation',
    targetId: row.id,
    details: {
      role: input.role,
      email: input.email,
      ...auditUnitOf(target),
      ...(input.via ? { via: input.via } : {}),
      ...(target.kind === 'dossier' ? { locale, expectedName } : {}),
    },
    origin: input.origin,
  });
  return { status: 'sent', invitationId: row.id, mailId, email: input.email, link: invitationLink(env().APP_URL, token) };
}

/**
 * 'Verstuur': the invitation and its mail in one transaction. The mail goes out after commit
 * (the outbox worker); a mail outage loses nothing.
 */
export async function sendInvitation(
  db: Db,
  grant: InviteGrant,
  input: {
    role: InviteRole;
    email: string;
    /** The invitee's language: their mail, landing page and itsme hand-over (dossier invitations). */
    locale?: Locale;
    /** 'Naam zoals gekend door de school' (dossier invitations). */
    expectedName?: string | null;
    now?: Date;
  },
): Promise<SendOutcome> {
  const normalized = normalizeEmail(input.email);
  if (!normalized.ok) return { status: 'invalid' };
  const now = input.now ?? new Date();
  const target = targetOf(grant);
  return db.transaction(async (tx) => {
    const { link: _link, ...outcome } = await createInvitation(tx, target, {
      role: input.role,
      email: normalized.email,
      key: normalized.key,
      inviter: grant.actor,
      origin: grant.origin,
      now,
      locale: input.locale,
      expectedName: input.expectedName,
    });
    return outcome as SendOutcome;
  });
}
