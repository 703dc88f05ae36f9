/** What a server action answers a form or a button: its outcome in Dutch, never a raw error. */
export type ActionResult = { ok: true; message: string } | { ok: false; message: string; fieldErrors?: FieldErrors };

/** Every invalid field's first message, keyed by field name (react-hook-form's setError). */
export type FieldErrors = Partial<Record<string, string>>;
