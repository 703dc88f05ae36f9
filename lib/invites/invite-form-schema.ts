import { z } from 'zod';
import { CONTACT_ROLES } from '@/lib/codes';
import { t } from '@/lib/i18n';
import { normalizeEmail } from './normalize-email';

/** The invite form's one schema: the dialog's resolver and the server actions both parse with it. */
export const inviteEmailSchema = z.object(
  {
    email: z.string({ error: t.invite.errors.required }).superRefine((value, ctx) => {
      const result = normalizeEmail(value);
      if (!result.ok) ctx.addIssue({ code: 'custom', message: t.invite.errors[result.problem] });
    }),
  },
  // Whatever a hand-made request sends, the answer is Dutch (never zod's English defaults).
  { error: t.invite.errors.badRequest },
);

export const inviteRequestSchema = inviteEmailSchema.extend({
  role: z.enum(CONTACT_ROLES, { error: t.invite.errors.badRequest }),
});

export type InviteEmailInput = z.infer<typeof inviteEmailSchema>;
