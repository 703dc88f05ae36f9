'use client';

import type { FormState } from '@/lib/actions/form-state';
import { REQUEST_TYPES, type RequestType } from '@/lib/codes';
import { t } from '@/lib/i18n';
import { fill } from '@/lib/i18n/format';
import { requestFormSchema } from '@/lib/requests/request-form-schema';
import { Field, FormMessage, inputClass, primaryButton, secondaryButton } from '@/components/forms/field';
import { useEnhancedForm } from '@/components/forms/use-enhanced-form';

export type StudentChoice = { id: string; name: string; birthYear: number; schoolName: string; className: string };
export type PlacementChoice = { id: string; name: string; wholeSchool: boolean; departments: { id: string; name: string }[] };

const ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx';

/** 'Nieuwe aanvraag': the student is searched (`students`, the page's search) or added here. */
export type NewRequestTarget = { kind: 'new'; students: StudentChoice[]; searched: boolean; placements: PlacementChoice[] };
/** 'Werkversie bewerken': the draft's student is fixed (sent along, checked by the server); its kind and question are the start values. */
export type DraftTarget = { kind: 'draft'; studentId: string; type: RequestType; description: string };

function startValues(target: NewRequestTarget | DraftTarget): Record<string, string> {
  if (target.kind === 'draft') {
    return { studentMode: 'existing', studentId: target.studentId, type: target.type, description: target.description, intent: 'draft' };
  }
  const { students, placements } = target;
  const firstSchool = placements[0];
  return {
    studentMode: students.length > 0 ? 'existing' : 'new',
    studentId: students.length === 1 ? students[0]!.id : '',
    schoolId: placements.length === 1 ? firstSchool!.id : '',
    departmentId: placements.length === 1 && !firstSchool!.wholeSchool && firstSchool!.departments.length === 1 ? firstSchool!.departments[0]!.id : '',
    type: '',
    description: '',
    intent: 'draft',
  };
}

/**
 * The request form of 'Nieuwe aanvraag' and of 'Werkversie bewerken': one schema
 * (requestFormSchema), one action contract, the same fields and buttons. A new request also
 * picks or adds its student; a draft keeps its own. Attachments are added either way; a draft's
 * current ones are removed beside the form (forms cannot nest).
 */
export function RequestForm({
  action,
  target,
  maxMb,
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  target: NewRequestTarget | DraftTarget;
  maxMb: number;
}) {
  const m = t.newRequest;
  const { form, state, formAction, pending, onSubmit, errorOf, hydrated, field, choice } = useEnhancedForm(requestFormSchema, action, startValues(target));
  const mode = form.watch('studentMode');
  const show = (which: 'existing' | 'new') => !hydrated || mode === which;

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate encType="multipart/form-data" className="grid gap-6">
      {target.kind === 'draft' ? (
        <>
          <input type="hidden" {...field('studentMode')} />
          <input type="hidden" {...field('studentId')} />
        </>
      ) : (
        <fieldset className="grid gap-3 rounded-lg bg-white p-4 shadow-sm">
          <legend className="px-1 text-lg font-semibold">{m.studentTitle}</legend>
          <div className="grid gap-2" role="radiogroup" aria-label={m.studentTitle}>
            <label className="flex min-h-11 items-center gap-2">
              <input type="radio" {...choice('studentMode', 'existing')} className="size-5" />
              {m.existing}
            </label>
            <label className="flex min-h-11 items-center gap-2">
              <input type="radio" {...choice('studentMode', 'new')} className="size-5" />
              {m.new}
            </label>
          </div>
          {show('existing') && (
            <fieldset className="grid gap-2 border-l-4 border-slate-300 pl-3" aria-describedby={errorOf('studentId') ? 'studentId-error' : undefined}>
              <legend className="font-medium">{m.pickStudent}</legend>
              {target.students.length === 0 ? (
                <p className="text-sm text-slate-700">{target.searched ? m.noStudents : m.searchHint}</p>
              ) : (
                target.students.map((s) => (
                  <label key={s.id} className="flex min-h-11 items-center gap-2">
                    <input type="radio" {...choice('studentId', s.id)} className="size-5" />
                    <span>
                      <span className="font-medium">{s.name}</span> · {s.birthYear} · {s.schoolName} · {s.className}
                    </span>
                  </label>
                ))
              )}
              {errorOf('studentId') && (
                <p id="studentId-error" className="text-sm font-medium text-red-800">
                  {errorOf('studentId')}
                </p>
              )}
            </fieldset>
          )}
          {show('new') && (
            <fieldset className="grid gap-3 border-l-4 border-slate-300 pl-3 sm:grid-cols-2">
              <legend className="font-medium">{m.new}</legend>
              <Field id="givenName" label={m.givenName} error={errorOf('givenName')}>
                {(d, invalid) => <input id="givenName" autoComplete="off" aria-describedby={d} aria-invalid={invalid} className={inputClass} {...field('givenName')} />}
              </Field>
              <Field id="familyName" label={m.familyName} error={errorOf('familyName')}>
                {(d, invalid) => <input id="familyName" autoComplete="off" aria-describedby={d} aria-invalid={invalid} className={inputClass} {...field('familyName')} />}
              </Field>
              <Field id="birthDate" label={m.birthDate} error={errorOf('birthDate')}>
                {(d, invalid) => <input id="birthDate" type="date" aria-describedby={d} aria-invalid={invalid} className={inputClass} {...field('birthDate')} />}
              </Field>
              <Field id="className" label={m.className} error={errorOf('className')}>
                {(d, invalid) => <input id="className" autoComplete="off" aria-describedby={d} aria-invalid={invalid} className={inputClass} {...field('className')} />}
              </Field>
              <Field id="schoolId" label={m.school} error={errorOf('schoolId')}>
                {(d, invalid) => (
                  <select id="schoolId" aria-describedby={d} aria-invalid={invalid} className={inputClass} {...field('schoolId')}>
                    <option value="">{m.school}</option>
                    {target.placements.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field id="departmentId" label={m.department} error={errorOf('departmentId')}>
                {(d, invalid) => (
                  <select id="departmentId" aria-describedby={d} aria-invalid={invalid} className={inputClass} {...field('departmentId')}>
                    {target.placements.some((p) => p.wholeSchool) && <option value="">{m.noDepartment}</option>}
                    {target.placements.map((p) => (
                      <optgroup key={p.id} label={p.name}>
                        {p.departments.map((dep) => (
                          <option key={dep.id} value={dep.id}>
                            {dep.name}
                          </option>
                        ))}
                      </optgroup>
                    ))}
                  </select>
                )}
              </Field>
            </fieldset>
          )}
          {state?.duplicate && (
            <div className="grid gap-2 rounded-md border-l-4 border-amber-700 bg-amber-50 px-4 py-3 text-amber-900">
              <p className="font-semibold">{m.duplicateTitle}</p>
              <p>{state.duplicate}</p>
              <label className="flex min-h-11 items-center gap-2">
                <input type="checkbox" {...choice('confirmNewStudent', 'yes')} className="size-5" />
                {m.confirmNew}
              </label>
            </div>
          )}
        </fieldset>
      )}

      <fieldset className="grid gap-3 rounded-lg bg-white p-4 shadow-sm">
        <legend className="px-1 text-lg font-semibold">{m.requestTitle}</legend>
        <Field id="type" label={m.type} error={errorOf('type')}>
          {(d, invalid) => (
            <select id="type" aria-describedby={d} aria-invalid={invalid} className={inputClass} {...field('type')}>
              <option value="">{m.chooseType}</option>
              {REQUEST_TYPES.map((code) => (
                <option key={code} value={code}>
                  {t.requestType[code]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="description" label={m.description} hint={m.descriptionHint} error={errorOf('description')}>
          {(d, invalid) => <textarea id="description" rows={6} aria-describedby={d} aria-invalid={invalid} className={inputClass} {...field('description')} />}
        </Field>
        <Field id="attachments" label={target.kind === 'draft' ? t.draftRequest.addAttachments : m.attachments} hint={fill(m.attachmentsHint, { max: String(maxMb) })} error={errorOf('attachments')}>
          {(d, invalid) => <input id="attachments" name="attachments" type="file" multiple accept={ACCEPT} aria-describedby={d} aria-invalid={invalid} className={inputClass} />}
        </Field>
      </fieldset>

      <FormMessage state={state && !state.duplicate ? state : null} />
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="intent" value="submit" disabled={pending} className={primaryButton}>
          {pending ? m.saving : m.submit}
        </button>
        <button type="submit" name="intent" value="draft" disabled={pending} className={secondaryButton}>
          {m.saveDraft}
        </button>
      </div>
    </form>
  );
}
