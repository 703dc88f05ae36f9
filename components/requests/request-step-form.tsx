'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/actions/form-state';
import { t } from '@/lib/i18n';
import { Field, FormMessage, inputClass, primaryButton, secondaryButton } from '@/components/forms/field';

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

/** 'In behandeling nemen' with a begeleider (centre staff). A native form: works without JavaScript. */
export function TakeUpForm({ action, staff, idPrefix, current }: { action: Action; staff: { id: string; name: string }[]; idPrefix: string; current: string | null }) {
  const [state, formAction, pending] = useActionState(action, null);
  const id = `${idPrefix}-assignee`;
  return (
    <form action={formAction} className="grid gap-2 sm:grid-cols-[1fr_auto] sm:items-end">
      <Field id={id} label={t.requestWork.assignee} error={state?.fieldErrors?.assigneeId}>
        {(d, invalid) => (
          <select id={id} name="assigneeId" defaultValue={current ?? ''} aria-describedby={d} aria-invalid={invalid} className={inputClass}>
            <option value="">{t.requestWork.chooseAssignee}</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" disabled={pending} className={secondaryButton}>
        {t.requestWork.takeUp}
      </button>
      <div className="sm:col-span-2">
        <FormMessage state={state} />
      </div>
    </form>
  );
}

/** 'Afronden' with a closing note (centre staff). */
export function CompleteForm({ action, idPrefix }: { action: Action; idPrefix: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  const id = `${idPrefix}-closing`;
  return (
    <form action={formAction} className="grid gap-2">
      <Field id={id} label={t.requestWork.closingNote} hint={t.requestWork.closingNoteHint} error={state?.fieldErrors?.closingNote}>
        {(d, invalid) => (
          <textarea id={id} name="closingNote" rows={3} maxLength={5000} defaultValue={state?.values?.closingNote ?? ''} aria-describedby={d} aria-invalid={invalid} className={inputClass} />
        )}
      </Field>
      <div>
        <button type="submit" disabled={pending} className={primaryButton}>
          {t.requestWork.complete}
        </button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

/** 'Indienen' of a 'Werkversie' (school or department manager). */
export function SubmitDraftForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="grid gap-2">
      <div>
        <button type="submit" disabled={pending} className={primaryButton}>
          {t.requestWork.submitDraft}
        </button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
