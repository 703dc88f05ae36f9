import { recordAudit } from '@/lib/audit/record-event';
import { saveAttachments } from '@/lib/attachments/save-attachments';
import type { ValidFile } from '@/lib/attachments/validate-upload';
import type { Placement } from '@/lib/auth/scope';
import type { RequestType } from '@/lib/codes';
import type { Db } from '@/lib/db/client';
import { requests } from '@/lib/db/schema';
import type { DossierGrant } from '@/lib/dossiers/dossier-grant';
import { recordStatusChange } from './record-status-change';

export type NewRequest = { type: RequestType; description: string; submit: boolean };

/** Inserts a request with its attachments and history in the caller's transaction (shared with createStudentWithRequest). */
export async function insertRequest(
  tx: Db,
  target: { dossierId: string; studentId: string; placement: Placement },
  input: NewRequest,
  files: readonly ValidFile[],
  actor: { id: string; origin: string | null },
): Promise<string> {
  const [row] = await tx
    .insert(requests)
    .values({
      dossierId: target.dossierId,
      studentId: target.studentId,
      centreId: target.placement.centreId,
      schoolId: target.placement.schoolId,
      departmentId: target.placement.departmentId,
      type: input.type,
      description: input.description,
      status: input.submit ? 'submitted' : 'draft',
      submittedAt: input.submit ? new Date() : null,
      createdBy: actor.id,
    })
    .returning({ id: requests.id });
  const requestId = row!.id;
  await recordAudit(tx, {
    actorId: actor.id,
    action: 'request_created',
    dossierId: target.dossierId,
    targetType: 'request',
    targetId: requestId,
    details: { type: input.type, attachments: files.length },
    origin: actor.origin,
  });
  await saveAttachments(tx, { dossierId: target.dossierId, requestId }, files, actor);
  await recordStatusChange(tx, {
    requestId,
    dossierId: target.dossierId,
    status: input.submit ? 'submitted' : 'draft',
    actor,
    action: input.submit ? 'request_submitted' : 'request_updated',
  });
  return requestId;
}

/** A new request for the student of an existing dossier ('Werkversie' or submitted at once). */
export async function createRequest(
  db: Db,
  grant: DossierGrant<'requests.submit'>,
  input: NewRequest,
  files: readonly ValidFile[] = [],
): Promise<{ requestId: string; dossierId: string }> {
  const placement = { centreId: grant.centreId, schoolId: grant.student.schoolId, departmentId: grant.student.departmentId };
  const requestId = await db.transaction((tx) =>
    insertRequest(tx, { dossierId: grant.id, studentId: grant.student.id, placement }, input, files, { id: grant.actor.id, origin: grant.origin }),
  );
  return { requestId, dossierId: grant.id };
}
