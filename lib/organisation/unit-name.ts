import { cleanText } from '@/lib/text/clean-text';

/** A school's or department's name as typed: trimmed, inner whitespace collapsed, 1–120 characters. */
export type NameProblem = 'empty' | 'tooLong';

export function normalizeUnitName(raw: unknown): { ok: true; name: string } | { ok: false; problem: NameProblem } {
  const name = typeof raw === 'string' ? cleanText(raw).normalize('NFC').replace(/\s+/g, ' ').trim() : '';
  if (name.length === 0) return { ok: false, problem: 'empty' };
  if (name.length > 120) return { ok: false, problem: 'tooLong' };
  return { ok: true, name };
}

/** A unique index refused the row (a concurrent add or rename took the name). */
export function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string }; code?: string }) ?? {};
  return cause.code === '23505' || cause.cause?.code === '23505';
}
