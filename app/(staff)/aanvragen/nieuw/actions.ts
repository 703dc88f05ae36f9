'use server';

import { notFound, redirect } from 'next/navigation';
import { asFormData, fieldErrorsOf, filesOf, textValues, type FormState } from '@/lib/actions/form-state';
import type { FieldErrors } from '@/lib/actions/result';
import { uploadMessage } from '@/lib/attachments/upload-message';
import { validateUploads } from '@/lib/attachments/validate-upload';
import { canSubmitRequests } from '@/lib/auth/permissions';
import { getViewer, requestOrigin } from '@/lib/auth/viewer';
import { db } from '@/lib/db/client';
import { resolveDossierGrant } from '@/lib/dossiers/dossier-grant';
import { t } from '@/lib/i18n';
import { fill } from '@/lib/i18n/format';
import { createRequest } from '@/lib/requests/create-request';
import { createStudentWithRequest } from '@/lib/requests/create-student-with-request';
import { findDuplicateStudent } from '@/lib/requests/find-duplicate-student';
import { findStudentDossier } from '@/lib/requests/find-student-dossier';
import { resolvePlacementGrant } from '@/lib/requests/placement-grant';
import { requestFormSchema } from '@/lib/requests/request-form-schema';

/**
 * 'Nieuwe aanvraag' (school and department managers). Anyone else gets the 404 before the form
 * is read; the student (existing or new) is then checked against the caller's scope through a
 * grant, like every dossier action.
 */
export async function createRequestAction(_prev: FormState, input: FormData): Promise<FormState> {
  const viewer = await getViewer();
  if (!viewer || !canSubmitRequests(viewer.memberships)) notFound();
  const form = asFormData(input);
  if (!form) return { ok: false, message: t.app.actionFailed };
  const values = textValues(form);
  const fail = (message: string, fieldErrors?: FieldErrors, duplicate?: string): FormState => ({ ok: false, message, values, fieldErrors, duplicate });

  const parsed = requestFormSchema.safeParse(values);
  if (!parsed.success) return fail(t.newRequest.errors.invalid, fieldErrorsOf(parsed.error));
  const v = parsed.data;
  const uploads = await validateUploads(filesOf(form));
  if (!uploads.ok) {
    const message = uploadMessage(uploads.problem, uploads.fileName);
    return fail(message, { attachments: message });
  }
  const request = { type: v.type, description: v.description, submit: v.intent === 'submit' };
  const origin = await requestOrigin();

  let dossierId: string;
  if (v.studentMode === 'existing') {
    const found = await findStudentDossier(db(), v.studentId);
    const grant = found ? await resolveDossierGrant(db(), viewer, found, 'requests.submit', origin) : null;
    if (!grant) return fail(t.newRequest.errors.studentNotFound, { studentId: t.newRequest.errors.studentNotFound });
    dossierId = (await createRequest(db(), grant, request, uploads.files)).dossierId;
  } else {
    const grant = await resolvePlacementGrant(db(), viewer, { schoolId: v.schoolId, departmentId: v.departmentId || null }, origin);
    if (!grant) return fail(t.newRequest.errors.placement, { schoolId: t.newRequest.errors.placement });
    const student = { givenName: v.givenName, familyName: v.familyName, birthDate: v.birthDate, className: v.className };
    if (v.confirmNewStudent !== 'yes') {
      const duplicate = await findDuplicateStudent(db(), grant, viewer.memberships, student);
      if (duplicate) {
        const message = fill(t.newRequest.duplicateInScope, { name: duplicate.name, school: duplicate.schoolName, className: duplicate.className });
        return fail(message, undefined, message);
      }
    }
    dossierId = (await createStudentWithRequest(db(), grant, student, request, uploads.files)).dossierId;
  }
  redirect(`/dossiers/${dossierId}?aanvraag=${request.submit ? 'ingediend' : 'werkversie'}`);
}
