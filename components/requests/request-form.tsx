'use client';

import type { FormState } from '@/lib/actions/form-state';
import { REQUEST_TYPES } from '@/lib/codes';
import { t } from '@/lib/i18n';
import { fill } from '@/lib/i18n/format';
import { requestFormSchema } from '@/lib/requests/request-form-schema';
import { Field, FormMessage, inputClass, primaryButton, secondaryButton } from '@/components/forms/field';
import { useEnhancedForm } from '@/components/forms/use-enhanced-form';

export type StudentChoice = { id: string; name: string; birthYear: number; schoolName: string; className: string };
export type PlacementChoice = { id: string; name: string; wholeSchool: boolean; departments: { id: string; name: string }[] };

const ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx';

/** 'Nieuwe aanvraag': an existing student (from the search above) or a new one, the request, attachments. */
export function RequestForm({
  action,
  students,
  searched,
  placements,
  maxMb,
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  students: StudentChoice[];
  searched: boolean;
  placements: PlacementChoice[];
  maxMb: number;
}) {
  const m = t.newRequest;
  const firstSchool = placements[0];
  const { form, state, formAction, pending, onSubmit, errorOf, hydrated, field, choice } = useEnhancedForm(requestFormSchema, action, {
    studentMode: students.length > 0 ? 'existing' : 'new',
    studentId: students.length === 1 ? students[0]!.id : '',
    schoolId: placements.length === 1 ? firstSchool!.id : '',
    departmentId: placements.length === 1 && !firstSchool!.wholeSchool && firstSchool!.departments.length === 1 ? firstSchool!.departments[0]!.id : '',
    type: '',
    description: '',
    intent: 'draft',
  });
  const mode = form.watch('studentMode');
  const show = (which: 'existing' | 'new') => !hydrated || mode === which;

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate encType="multipart/form-data" className="grid gap-6">
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
            {students.length === 0 ? (
              <p className="text-sm text-slate-700">{searched ? m.noStudents : m.searchHint}</p>
            ) : (
              students.map((s) => (
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
                  {placements.map((p) => (
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
                  {placements.some((p) => p.wholeSchool) && <option value="">{m.noDepartment}</option>}
                  {placements.map((p) => (
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
        <Field id="attachments" label={m.attachments} hint={fill(m.attachmentsHint, { max: String(maxMb) })} error={errorOf('attachments')}>
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
