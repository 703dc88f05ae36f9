import { text as textField, z } from '@/lib/forms/zod';
import { REQUEST_TYPES } from '@/lib/codes';
import { t } from '@/lib/i18n';

const e = () => t.newRequest.errors;
const text = (max: number, required: () => string, tooLong: () => string) =>
  textField().trim().min(1, { error: required }).max(max, { error: tooLong });
const optional = textField().trim().optional().default('');

/**
 * 'Nieuwe aanvraag', for react-hook-form in the browser and the server action alike. The
 * student is either one of the caller's scope (`studentId`) or a new one (name, birth date,
 * school, department, class). `intent` is the button pressed: 'draft' ('Bewaar als
 * werkversie') or 'submit' ('Indienen').
 */
export const requestFormSchema = z
  .object({
    studentMode: z.enum(['existing', 'new'], { error: () => e().studentMode }),
    studentId: optional,
    givenName: optional,
    familyName: optional,
    birthDate: optional,
    schoolId: optional,
    departmentId: optional,
    className: optional,
    confirmNewStudent: z.string().optional().default(''),
    type: z.enum(REQUEST_TYPES, { error: () => e().type }),
    description: text(5000, () => e().descriptionRequired, () => e().descriptionTooLong),
    intent: z.enum(['draft', 'submit']).default('draft'),
  })
  // `when`: the student's fields are checked even when another field (the type, say) is invalid,
  // so the form shows every error at once.
  .superRefine((raw, ctx) => {
    const v = Object.fromEntries(
      ['studentMode', 'studentId', 'givenName', 'familyName', 'birthDate', 'schoolId', 'className'].map((k) => [k, String((raw as Record<string, unknown>)[k] ?? '').trim()]),
    ) as Record<string, string>;
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (v.studentMode !== 'new') {
      if (!v.studentId) issue('studentId', e().studentRequired);
      return;
    }
    if (!v.givenName) issue('givenName', e().givenName);
    else if (v.givenName!.length > 100) issue('givenName', e().nameTooLong);
    if (!v.familyName) issue('familyName', e().familyName);
    else if (v.familyName!.length > 100) issue('familyName', e().nameTooLong);
    const birthDate = v.birthDate!;
    // A real calendar day (no 30 February): the date read back must be the date written.
    const day = new Date(`${birthDate}T00:00:00Z`);
    const real = /^\d{4}-\d{2}-\d{2}$/.test(birthDate) && !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === birthDate;
    if (!real) issue('birthDate', e().birthDate);
    else if (Number(birthDate.slice(0, 4)) < 1990 || Date.parse(birthDate) > Date.now()) issue('birthDate', e().birthDate);
    if (!v.schoolId) issue('schoolId', e().school);
    if (!v.className) issue('className', e().className);
    else if (v.className!.length > 20) issue('className', e().classNameTooLong);
  }, { when: () => true });
export type RequestFormInput = z.input<typeof requestFormSchema>;
export type RequestFormValues = z.output<typeof requestFormSchema>;
