'use client';

import { useEffect, useRef } from 'react';
import type { FormState } from '@/lib/actions/form-state';
import { ENTRY_KINDS, type EntryKind, type EntryVisibility } from '@/lib/codes';
import { entryFormSchema } from '@/lib/entries/entry-form-schema';
import { t } from '@/lib/i18n';
import { Field, FormMessage, inputClass, primaryButton } from '@/components/forms/field';
import { useEnhancedForm } from '@/components/forms/use-enhanced-form';

export type EntryDefaults = { kind: EntryKind; title: string; body: string; occurredOn: string; visibility: EntryVisibility; version?: number };

const ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx';

/** A new dossier entry, or an edit of one (the page binds the action to the dossier and the entry). */
export function EntryForm({ action, defaults, idPrefix }: { action: (prev: FormState, formData: FormData) => Promise<FormState>; defaults: EntryDefaults; idPrefix: string }) {
  const m = t.entries;
  const { form, state, formAction, pending, onSubmit, errorOf, field, choice } = useEnhancedForm(entryFormSchema, action, {
    kind: defaults.kind,
    title: defaults.title,
    body: defaults.body,
    occurredOn: defaults.occurredOn,
    visibility: defaults.visibility,
  });
  const formRef = useRef<HTMLFormElement>(null);
  const isNew = defaults.version === undefined;
  useEffect(() => {
    // A new entry that was saved: an empty form for the next one.
    if (state?.ok && isNew) {
      form.reset({ kind: defaults.kind, title: '', body: '', occurredOn: defaults.occurredOn, visibility: defaults.visibility } as never);
      formRef.current?.querySelectorAll<HTMLInputElement>('input[type=file]').forEach((input) => (input.value = ''));
    }
  }, [state, isNew, form, defaults]);
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate encType="multipart/form-data" className="grid gap-3">
      {defaults.version !== undefined && <input type="hidden" name="version" value={defaults.version} />}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={id('kind')} label={m.kind} error={errorOf('kind')}>
          {(d, invalid) => (
            <select id={id('kind')} aria-describedby={d} aria-invalid={invalid} className={inputClass} {...field('kind')}>
              {ENTRY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t.entryKind[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={id('occurredOn')} label={m.occurredOn} error={errorOf('occurredOn')}>
          {(d, invalid) => <input id={id('occurredOn')} type="date" aria-describedby={d} aria-invalid={invalid} className={inputClass} {...field('occurredOn')} />}
        </Field>
      </div>
      <Field id={id('title')} label={m.title} error={errorOf('title')}>
        {(d, invalid) => <input id={id('title')} autoComplete="off" aria-describedby={d} aria-invalid={invalid} className={inputClass} {...field('title')} />}
      </Field>
      <Field id={id('body')} label={m.body} error={errorOf('body')}>
        {(d, invalid) => <textarea id={id('body')} rows={5} aria-describedby={d} aria-invalid={invalid} className={inputClass} {...field('body')} />}
      </Field>
      <fieldset>
        <legend className="font-medium">{m.visibility}</legend>
        <label className="flex min-h-11 items-center gap-2">
          <input type="radio" {...choice('visibility', 'shared')} className="size-5" />
          {m.shared}
        </label>
        <label className="flex min-h-11 items-center gap-2">
          <input type="radio" {...choice('visibility', 'internal')} className="size-5" />
          {m.internal}
        </label>
      </fieldset>
      <Field id={id('attachments')} label={m.attachments} error={errorOf('attachments')}>
        {(d, invalid) => <input id={id('attachments')} name="attachments" type="file" multiple accept={ACCEPT} aria-describedby={d} aria-invalid={invalid} className={inputClass} />}
      </Field>
      <FormMessage state={state} />
      <div>
        <button type="submit" disabled={pending} className={primaryButton}>
          {pending ? m.saving : m.save}
        </button>
      </div>
    </form>
  );
}
