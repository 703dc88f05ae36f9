'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { asFormData, fieldErrorsOf, filesOf, textValues, type FormResult, type FormState } from '@/lib/actions/form-state';
import type { FieldErrors } from '@/lib/actions/result';
import { uploadMessage } from '@/lib/attachments/upload-message';
import { validateUploads, type ValidFile } from '@/lib/attachments/validate-upload';
import type { DossierAction } from '@/lib/auth/permissions';
import { db } from '@/lib/db/client';
import type { DossierGrant } from '@/lib/dossiers/dossier-grant';
import { withDossier } from '@/lib/dossiers/with-dossier';
import { createEntry } from '@/lib/entries/create-entry';
import { editEntry } from '@/lib/entries/edit-entry';
import { entryFormSchema, type EntryInput } from '@/lib/entries/entry-form-schema';
import { t } from '@/lib/i18n';
import { kickOutbox } from '@/lib/mail/outbox-worker';
import { closingNoteSchema, completeRequest } from '@/lib/requests/complete-request';
import { editDraft } from '@/lib/requests/edit-draft';
import { removeDraftAttachment } from '@/lib/requests/remove-draft-attachment';
import { requestFormSchema } from '@/lib/requests/request-form-schema';
import { submitRequest } from '@/lib/requests/submit-request';
import { takeUpRequest } from '@/lib/requests/take-up-request';
import { isUuid } from '@/lib/text/uuid';

const failed = (message: string, values?: Record<string, string>, fieldErrors?: FieldErrors): FormResult => ({ ok: false, message, values, fieldErrors });

/**
 * The shape of every dossier form action: the caller's grant for `action` on this dossier (or
 * the 404) before the form is read, then the body; a success refreshes the dossier page.
 */
function dossierForm<A extends DossierAction>(
  dossierId: unknown,
  action: A,
  input: unknown,
  body: (grant: DossierGrant<A>, form: FormData) => Promise<FormResult & { mail?: boolean }>,
): Promise<FormState> {
  return withDossier(dossierId, action, async (grant) => {
    const form = asFormData(input);
    if (!form) return failed(t.app.actionFailed);
    const result = await body(grant, form);
    const { mail, ...state } = result;
    if (state.ok) {
      if (mail) kickOutbox();
      revalidatePath(`/dossiers/${grant.id}`);
    }
    return state;
  });
}

async function entryInput(form: FormData): Promise<{ error: FormResult } | { error?: undefined; input: EntryInput; files: ValidFile[] }> {
  const values = textValues(form);
  const parsed = entryFormSchema.safeParse(values);
  if (!parsed.success) return { error: failed(t.entries.errors.invalid, values, fieldErrorsOf(parsed.error)) };
  const files = await validateUploads(filesOf(form));
  if (!files.ok) return { error: failed(uploadMessage(files.problem, files.fileName), values, { attachments: uploadMessage(files.problem, files.fileName) }) };
  return { input: parsed.data, files: files.files };
}

/** 'Nieuw verslag of notitie' (centre staff). */
export async function createEntryAction(dossierId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return dossierForm(dossierId, 'entries.write', formData, async (grant, form) => {
    const read = await entryInput(form);
    if (read.error) return read.error;
    const { mails } = await createEntry(db(), grant, read.input, read.files);
    return { ok: true, message: t.entries.saved, mail: mails > 0 };
  });
}

/** 'Wijzigen' of an entry: the earlier version is kept. */
export async function editEntryAction(dossierId: string, entryId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return dossierForm(dossierId, 'entries.write', formData, async (grant, form) => {
    if (typeof entryId !== 'string' || !isUuid(entryId)) return failed(t.entries.errors.notFound);
    const read = await entryInput(form);
    if (read.error) return read.error;
    const version = z.coerce.number().int().positive().safeParse(form.get('version'));
    if (!version.success) return failed(t.entries.errors.stale, textValues(form));
    const outcome = await editEntry(db(), grant, entryId, version.data, read.input, read.files);
    if (outcome.status === 'not_found') return failed(t.entries.errors.notFound);
    if (outcome.status === 'stale') return failed(t.entries.errors.stale, textValues(form));
    return { ok: true, message: t.entries.saved, mail: outcome.mails > 0 };
  });
}

const requestIdOk = (requestId: unknown): requestId is string => typeof requestId === 'string' && isUuid(requestId);

/** 'In behandeling nemen' with a begeleider (centre staff). */
export async function takeUpRequestAction(dossierId: string, requestId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return dossierForm(dossierId, 'requests.work', formData, async (grant, form) => {
    if (!requestIdOk(requestId)) return failed(t.requestWork.errors.notFound);
    const assigneeId = form.get('assigneeId');
    if (typeof assigneeId !== 'string' || !isUuid(assigneeId)) return failed(t.requestWork.errors.assignee, undefined, { assigneeId: t.requestWork.errors.assignee });
    const outcome = await takeUpRequest(db(), grant, requestId, assigneeId);
    if (outcome.status === 'bad_assignee') return failed(t.requestWork.errors.assignee, undefined, { assigneeId: t.requestWork.errors.assignee });
    if (outcome.status === 'not_found') return failed(t.requestWork.errors.notFound);
    if (outcome.status === 'wrong_status') return failed(t.requestWork.errors.wrongStatus);
    return { ok: true, message: t.requestWork.takenUp };
  });
}


/** 'Afronden' with a closing note (centre staff). */
export async function completeRequestAction(dossierId: string, requestId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return dossierForm(dossierId, 'requests.work', formData, async (grant, form) => {
    if (!requestIdOk(requestId)) return failed(t.requestWork.errors.notFound);
    const note = closingNoteSchema.safeParse(form.get('closingNote'));
    if (!note.success) return failed(t.requestWork.errors.closingNote, textValues(form), { closingNote: t.requestWork.errors.closingNote });
    const outcome = await completeRequest(db(), grant, requestId, note.data);
    if (outcome.status === 'not_found') return failed(t.requestWork.errors.notFound);
    if (outcome.status === 'wrong_status') return failed(t.requestWork.errors.wrongStatus);
    return { ok: true, message: t.requestWork.completed };
  });
}

/** 'Indienen' of a 'Werkversie' (school or department manager). */
export async function submitRequestAction(dossierId: string, requestId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return dossierForm(dossierId, 'requests.submit', formData, async (grant) => {
    if (!requestIdOk(requestId)) return failed(t.requestWork.errors.notFound);
    const outcome = await submitRequest(db(), grant, requestId);
    if (outcome.status === 'not_found') return failed(t.requestWork.errors.notFound);
    if (outcome.status === 'wrong_status') return failed(t.requestWork.errors.wrongStatus);
    return { ok: true, message: t.requestWork.submittedDone };
  });
}

/**
 * 'Werkversie bewerken' (school or department manager): the 'Nieuwe aanvraag' form and schema
 * with the draft's own student; 'Bewaar als werkversie' keeps it a draft, 'Indienen' saves and
 * submits. A submitted request is refused. Back to the dossier on success, like a new request.
 */
export async function editDraftAction(dossierId: string, requestId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return dossierForm(dossierId, 'requests.submit', formData, async (grant, form) => {
    if (!requestIdOk(requestId)) return failed(t.draftRequest.errors.notFound);
    const values = textValues(form);
    const parsed = requestFormSchema.safeParse(values);
    if (!parsed.success) return failed(t.newRequest.errors.invalid, values, fieldErrorsOf(parsed.error));
    const v = parsed.data;
    if (v.studentMode !== 'existing' || v.studentId !== grant.student.id) return failed(t.draftRequest.errors.otherStudent, values);
    const uploads = await validateUploads(filesOf(form));
    if (!uploads.ok) {
      const message = uploadMessage(uploads.problem, uploads.fileName);
      return failed(message, values, { attachments: message });
    }
    const outcome = await editDraft(db(), grant, requestId, { type: v.type, description: v.description, submit: v.intent === 'submit' }, uploads.files);
    if (outcome.status === 'not_found') return failed(t.draftRequest.errors.notFound);
    if (outcome.status === 'not_draft') return failed(t.draftRequest.errors.notDraft, values);
    revalidatePath(`/dossiers/${grant.id}`);
    redirect(`/dossiers/${grant.id}?aanvraag=${outcome.status === 'submitted' ? 'ingediend' : 'werkversie'}`);
  });
}

/** 'Verwijderen' of an attachment of a 'Werkversie' (the pressed button names it); a submitted request keeps its files. */
export async function removeDraftAttachmentAction(dossierId: string, requestId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return dossierForm(dossierId, 'requests.submit', formData, async (grant, form) => {
    if (!requestIdOk(requestId)) return failed(t.draftRequest.errors.notFound);
    const attachmentId = form.get('attachmentId');
    if (typeof attachmentId !== 'string' || !isUuid(attachmentId)) return failed(t.draftRequest.errors.attachmentNotFound);
    const outcome = await removeDraftAttachment(db(), grant, requestId, attachmentId);
    if (outcome.status === 'not_found') return failed(t.draftRequest.errors.attachmentNotFound);
    if (outcome.status === 'not_draft') return failed(t.draftRequest.errors.notDraft);
    revalidatePath(`/dossiers/${grant.id}/werkversie/${requestId}`);
    return { ok: true, message: t.draftRequest.removed };
  });
}
