import { isStaffRole, type InviteRole } from '@/lib/codes';
import { nl } from './nl-BE';

/** The product speaks Dutch (nl-BE); one locale, one module. */
export const t = nl;
export const LOCALE = nl.locale;

const dateFormat = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Brussels' });
const dateTimeFormat = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Brussels',
});

export function formatDate(value: Date | string): string {
  return dateFormat.format(typeof value === 'string' ? new Date(value) : value);
}

export function formatDateTime(value: Date | string): string {
  return dateTimeFormat.format(typeof value === 'string' ? new Date(value) : value);
}

/** The label of any role an invitation can offer (contact or staff). */
export function roleLabel(role: InviteRole): string {
  return isStaffRole(role) ? nl.roles.staff[role] : nl.roles.contact[role];
}

/** A file size as people read it: "840 kB", "2,4 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  return `${(bytes / 1024 / 1024).toLocaleString(LOCALE, { maximumFractionDigits: 1 })} MB`;
}
