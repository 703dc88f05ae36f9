'use client';

import { useActionState, useId } from 'react';
import type { NameFormState } from '@/lib/organisation/name-form-state';

/**
 * One name field and a button: 'School toevoegen', 'Afdeling toevoegen', 'Naam wijzigen'. A
 * plain <form> posting to a server action, so it works before (and without) JavaScript; the
 * answer (done, or the Dutch error beside the field) comes back as the form's state.
 */
export function NameForm({
  action,
  label,
  submit,
  defaultValue = '',
  testId,
}: {
  action: (state: NameFormState, form: FormData) => Promise<NameFormState>;
  label: string;
  submit: string;
  defaultValue?: string;
  testId?: string;
}) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' });
  const id = useId();
  const error = state.status === 'error' ? state.message : null;
  return (
    <form action={formAction} className="grid gap-2" data-testid={testId} noValidate>
      <label htmlFor={`${id}-naam`} className="font-medium">
        {label}
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id={`${id}-naam`}
          name="naam"
          type="text"
          required
          maxLength={200}
          autoComplete="off"
          // After a success the field is emptied (a new key remounts it); after an error it keeps what was typed.
          key={state.status === 'ok' ? state.message : 'field'}
          defaultValue={state.status === 'error' ? state.value : state.status === 'ok' && !defaultValue ? '' : defaultValue}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-fout` : undefined}
          className="block min-h-11 min-w-0 flex-1 rounded-md border border-slate-500 px-3 py-2"
        />
        <button type="submit" disabled={pending} className="min-h-11 rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
          {submit}
        </button>
      </div>
      <div aria-live="polite">
        {error && (
          <p id={`${id}-fout`} className="text-sm font-medium text-red-800">
            {error}
          </p>
        )}
        {state.status === 'ok' && <p className="text-sm font-medium text-green-800">{state.message}</p>}
      </div>
    </form>
  );
}
