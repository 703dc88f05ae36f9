import { text, z } from '@/lib/forms/zod';
import type { FieldErrors } from '@/lib/actions/result';
import { DEFAULT_LOCALE, INVITE_ROLES, LOCALES } from '@/lib/codes';
import { t } from '@/lib/i18n';
import { EXPECTED_NAME_MAX } from './invite-form-state';
import { normalizeEmail } from './normalize-email';

/** The address as typed, checked and normalised once: its output is the normalised address and its comparison key. */
const emailField = z.string({ error: t.invite.errors.required }).transform((value, ctx) => {
  const result = normalizeEmail(value);
  if (result.ok) return result.email;
  ctx.addIssue({ code: 'custom', message: t.invite.errors[result.problem] });
  return z.NEVER;
});

/** The invite form's one schema: the dialog's resolver and the server actions both parse with it. */
export const inviteEmailSchema = z.object(
  { email: emailField },
  // Whatever a hand-made request sends, the answer is Dutch (never zod's English defaults).
  { error: t.invite.errors.badRequest },
);

export const inviteRequestSchema = inviteEmailSchema.extend({
  role: z.enum(INVITE_ROLES, { error: t.invite.errors.badRequest }),
});

/** 'Naam zoals gekend door de school': optional; blank is no name. */
const expectedNameField = text({ error: t.invite.errors.badRequest })
  .trim()
  .max(EXPECTED_NAME_MAX, { error: t.invite.errors.nameTooLong })
  .transform((value) => value.replace(/\s+/g, ' ') || null)
  .optional()
  .transform((value) => value ?? null);

/**
 * 'Verstuur': the checked request and the token Check issued for exactly it, with the
 * invitee's language (Nederlands unless staff chose otherwise) and the name the school knows.
 */
export const inviteSendSchema = inviteRequestSchema.extend({
  checkToken: z.string({ error: t.invite.errors.notChecked }).max(200, { error: t.invite.errors.notChecked }),
  locale: z.enum(LOCALES, { error: t.invite.errors.badRequest }).default(DEFAULT_LOCALE),
  expectedName: expectedNameField,
});

export type InviteEmailInput = z.input<typeof inviteEmailSchema>;
export type InviteEmailOutput = z.output<typeof inviteEmailSchema>;

/** Every field's first message, keyed by field, for react-hook-form's setError. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const flat = z.flattenError(error);
  return Object.fromEntries(Object.entries(flat.fieldErrors).map(([field, messages]) => [field, (messages as string[])[0]]));
}
