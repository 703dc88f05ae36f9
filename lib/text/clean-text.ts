/**
 * Text as a person can type it: control characters other than tab and line feed removed (NUL
 * among them, which PostgreSQL refuses in a text value, and the carriage return of a browser's
 * CRLF: a textarea's line breaks become one "\n"), and lone surrogates (no valid UTF-8) too.
 * Every text a form sends passes here once: `text()` in lib/forms/zod.ts for the schemas,
 * `textValues` for the values a form echoes, and the few inputs read without a schema (a unit's
 * name, the relink search).
 */
export function cleanText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]|\p{Cs}/gu, '');
}
