import { DEFAULT_LOCALE, isStaffRole, type InviteRole, type Locale } from '../codes';
import { nl, type Messages } from './nl-BE';

/**
 * Staff pages speak Dutch (nl-BE): they use `t`. Pages an invitee sees take their catalogue
 * from `messagesFor(locale)` (lib/i18n/locales.ts), so the browser bundles of the staff pages
 * carry one catalogue only.
 */
export const t = nl;
export const LOCALE = nl.locale;

/** BCP 47 tags: `<html lang>` and the date formats. */
export const LANGUAGE_TAGS: Record<Locale, string> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' };
/** Each language by its own name: the language links and the invite form show these. */
export const LANGUAGE_NAMES: Record<Locale, string> = { nl: 'Nederlands', fr: 'Français', en: 'English' };

const zone = 'Europe/Brussels';
const formats = (tag: string) => ({
  date: new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: zone }),
  dateTime: new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: zone }),
  dateTimeLong: new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: zone }),
});
const FORMATS = { nl: formats(LANGUAGE_TAGS.nl), fr: formats(LANGUAGE_TAGS.fr), en: formats(LANGUAGE_TAGS.en) } satisfies Record<Locale, unknown>;

const asDate = (value: Date | string) => (typeof value === 'string' ? new Date(value) : value);

export function formatDate(value: Date | string, locale: Locale = DEFAULT_LOCALE): string {
  return FORMATS[locale].date.format(asDate(value));
}

export function formatDateTime(value: Date | string, locale: Locale = DEFAULT_LOCALE): string {
  return FORMATS[locale].dateTime.format(asDate(value));
}

/** "12 december 2026 om 14:30" and its equivalents: the invitation mail's expiry. */
export function formatDateTimeLong(value: Date | string, locale: Locale = DEFAULT_LOCALE): string {
  return FORMATS[locale].dateTimeLong.format(asDate(value));
}

/** The language code of a catalogue (its BCP 47 tag read back). */
export function localeOf(messages: { locale: string }): Locale {
  return (Object.keys(LANGUAGE_TAGS) as Locale[]).find((code) => LANGUAGE_TAGS[code] === messages.locale) ?? DEFAULT_LOCALE;
}

/** The label of any role an invitation can offer (contact or staff). */
export function roleLabel(role: InviteRole, messages: { roles: Messages['roles'] } = nl): string {
  return isStaffRole(role) ? messages.roles.staff[role] : messages.roles.contact[role];
}

/** A file size as people read it: "840 kB", "2,4 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  return `${(bytes / 1024 / 1024).toLocaleString(LOCALE, { maximumFractionDigits: 1 })} MB`;
}
