import type { z } from 'zod';
import { cleanText } from '@/lib/text/clean-text';
import type { FieldErrors } from './result';

/**
 * What a form's server action answers (useActionState): the outcome in Dutch, every field's
 * error, and the text fields as sent, so a form re-rendered without JavaScript loses nothing.
 */
export type FormState = FormResult | null;
export type FormResult = {
  ok: boolean;
  message: string;
  fieldErrors?: FieldErrors;
  values?: Record<string, string>;
  /** A likely duplicate student, pointed out before a new one is created. */
  duplicate?: string;
};

/** The text fields of a form post (files left out), control characters removed (`cleanText`), each at most `max` characters. */
export function textValues(formData: FormData, max = 20_000): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !key.startsWith('$ACTION')) values[key] = cleanText(value).slice(0, max);
  }
  return values;
}

/** The uploaded files of a form post under `name`. */
export function filesOf(formData: FormData, name = 'attachments'): File[] {
  return formData.getAll(name).filter((v): v is File => typeof v === 'object' && v !== null && 'arrayBuffer' in v);
}

/** Every invalid field's first message, keyed by field name. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '');
    if (key && !out[key]) out[key] = issue.message;
  }
  return out;
}

/** A form post, whatever a client sent: a hostile caller may send anything as the action's argument. */
export function asFormData(value: unknown): FormData | null {
  return value instanceof FormData ? value : null;
}
