import type { Locale } from '../codes';
import { en } from './en';
import { fr } from './fr-BE';
import { nl, type Messages } from './nl-BE';

/** One catalogue per language, the same keys in each (tests/unit/i18n-catalogues.test.ts). */
export const CATALOGUES: Record<Locale, Messages> = { nl, fr, en };

export function messagesFor(locale: Locale): Messages {
  return CATALOGUES[locale];
}

export type { Messages };
