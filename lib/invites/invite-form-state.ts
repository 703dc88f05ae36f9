import { DEFAULT_LOCALE, type Locale } from '@/lib/codes';
import type { CheckResult } from './check-result';

/** The longest 'Naam zoals gekend door de school' (here, not in the zod schema, so the page's form needs no zod). */
export const EXPECTED_NAME_MAX = 200;

/** What Check (or a refused Verstuur) answers the invite form: Check's outcome, or a Dutch error. */
export type InviteFormResult = CheckResult | { status: 'error'; message: string };

/**
 * The invitation page's form state (useActionState): what was posted, so the fields keep it, and
 * the answer. After a passed Check the result carries the check token Verstuur posts back.
 */
export type InviteFormState = {
  values: { email: string; expectedName: string; locale: Locale };
  result: InviteFormResult | null;
};

export const EMPTY_INVITE_FORM: InviteFormState = { values: { email: '', expectedName: '', locale: DEFAULT_LOCALE }, result: null };

/** The form's field names (posted by the page, read by submitInviteFormFor). */
export const INVITE_FIELDS = {
  role: 'role',
  email: 'email',
  expectedName: 'expectedName',
  locale: 'locale',
  checkToken: 'checkToken',
  /** 'check' (the default, also Enter in a field) or 'send'. */
  step: 'step',
  /** 'Gebruik …' after a typo: Check this address instead. */
  suggestion: 'suggestion',
} as const;
