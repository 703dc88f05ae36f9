import { isUuid } from '@/lib/text/uuid';

/**
 * Keyset cursor over (created_at desc, id desc): opaque to the browser, validated when read.
 * `createdAt` is the database's own UTC text with microseconds, so two requests created in the
 * same millisecond never fall between two pages (a JavaScript Date would round them together).
 */
/** Postgres `to_char` pattern giving exactly the text a cursor holds (apply to `created_at at time zone 'UTC'`). */
export const CURSOR_TIME_FORMAT = 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"';

export type Cursor = { createdAt: string; id: string };

const MICROSECOND_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.createdAt}|${cursor.id}`).toString('base64url');
}

export function decodeCursor(value: unknown): Cursor | null {
  if (typeof value !== 'string' || value.length > 200) return null;
  const [createdAt, id, ...rest] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  if (rest.length || !createdAt || !id || !MICROSECOND_UTC.test(createdAt) || !isUuid(id)) return null;
  return isRealInstant(createdAt) ? { createdAt, id } : null;
}

/**
 * Shaped right is not enough: `2026-02-30` or `24:00` pass the pattern, JavaScript rolls them
 * over, and the database refuses them with an error. Only a date that exists (years 1970–9999).
 */
function isRealInstant(text: string): boolean {
  const millis = Date.parse(`${text.slice(0, 23)}Z`);
  if (Number.isNaN(millis)) return false;
  const date = new Date(millis);
  const year = date.getUTCFullYear();
  return year >= 1970 && year <= 9999 && date.toISOString().slice(0, 19) === text.slice(0, 19);
}
