import { z } from 'zod';
import { CONTACT_ROLES, DEFAULT_LOCALE, INVITE_ROLES, LOCALES } from '@/lib/codes';

const role = z.enum(INVITE_ROLES);
const webUrl = z.url({ protocol: /^https?$/ });

/**
 * What each template stores in the outbox row. No student data: the mails never carry any.
 * The invitation link is not here: it is the mail's secret and is stored sealed beside it.
 */
export const mailPayloadSchemas = {
  invitation: z.strictObject({
    inviterName: z.string().min(1),
    organisationName: z.string().min(1),
    role,
    /** A staff invitation's school or department (a centre's staff invitation names only the organisation). */
    unitName: z.string().min(1).optional(),
    /** ISO timestamp. */
    expiresAt: z.iso.datetime({ offset: true }),
    /** The invitee's language (rows queued before languages existed have none: Dutch). */
    locale: z.enum(LOCALES).default(DEFAULT_LOCALE),
    /** A resend: the mail says it replaces the earlier one (whose link no longer works). */
    replaces: z.boolean().optional(),
  }),
  invitation_accepted: z.strictObject({
    /** The name itsme confirmed. */
    acceptedByName: z.string().min(1),
    invitedEmail: z.string().min(3),
    role,
    /** Behind login, so it reveals nothing by itself. */
    contactsUrl: webUrl,
  }),
  /** To the inviter: someone accepted, but the centre must confirm it was the person meant. */
  invitation_needs_confirmation: z.strictObject({
    acceptedByName: z.string().min(1),
    /** 'Naam zoals gekend door de school', or null when none was given. */
    expectedName: z.string().min(1).nullable(),
    invitedEmail: z.string().min(3),
    /** Only dossier invitations are bound to a name. */
    role: z.enum(CONTACT_ROLES),
    contactsUrl: webUrl,
  }),
  /** "Er is iets nieuws in het dossier": which dossier is not said, only where to sign in. */
  dossier_update: z.strictObject({ signInUrl: webUrl, locale: z.enum(LOCALES).default(DEFAULT_LOCALE) }),
};

export type MailTemplate = keyof typeof mailPayloadSchemas;
export type MailPayloads = { [T in MailTemplate]: z.input<(typeof mailPayloadSchemas)[T]> };

/** What rendering needs: the stored payload plus, for an invitation, its (unsealed) link. */
export type RenderPayloads = {
  invitation: MailPayloads['invitation'] & { link: string };
  invitation_accepted: MailPayloads['invitation_accepted'];
  invitation_needs_confirmation: MailPayloads['invitation_needs_confirmation'];
  dossier_update: MailPayloads['dossier_update'];
};

/** Templates whose mail carries a secret, and the render field it fills. */
export const secretField: Partial<Record<MailTemplate, 'link'>> = { invitation: 'link' };

/** Key of the sealed secret inside a stored payload. */
export const SEALED_KEY = 'sealedLink';

export function isMailTemplate(value: string): value is MailTemplate {
  return Object.hasOwn(mailPayloadSchemas, value);
}

/** Builds the render input from what is stored; throws when the stored payload is not valid. */
export function toRenderPayload<T extends MailTemplate>(template: T, stored: Record<string, unknown>, secret?: string): RenderPayloads[T] {
  const { [SEALED_KEY]: _sealed, ...fields } = stored;
  const payload = mailPayloadSchemas[template].parse(fields);
  const field = secretField[template];
  if (!field) return payload as RenderPayloads[T];
  return { ...payload, [field]: webUrl.parse(secret) } as RenderPayloads[T];
}
