import { aliasedTable, and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { visibilityFor } from '@/lib/auth/permissions';
import type { Db } from '@/lib/db/client';
import { listVisibleAttachments } from '@/lib/attachments/visible-attachments';
import { dossierEntries, requestStatusChanges, requests, users } from '@/lib/db/schema';
import { personName } from '@/lib/text/person-name';
import type { DossierGrant } from './dossier-grant';

const assignee = aliasedTable(users, 'assignee');
const editor = aliasedTable(users, 'editor');
/** A joined person's name, or null when the join found nobody (no assignee, an editor row gone). */
const nameOf = (u: { givenName: string | null; familyName: string | null }) => (u.familyName === null ? null : personName({ givenName: u.givenName, familyName: u.familyName }));

/**
 * The requests (with their history) and dated entries of a dossier, with their attachments,
 * as far as the grant's holder may see them (VISIBILITY in lib/auth/permissions.ts): contacts
 * never get a 'Werkversie' or an internal entry, nor their attachments' names, not even in a
 * query's result (every filter is in SQL).
 */
export async function getDossierContent(db: Db, grant: DossierGrant<'dossier.view'>) {
  const sees = visibilityFor(grant.access);
  const [requestRows, entryRows, fileRows] = await Promise.all([
    db
      .select({
        id: requests.id,
        type: requests.type,
        status: requests.status,
        description: requests.description,
        createdAt: requests.createdAt,
        submittedAt: requests.submittedAt,
        closedAt: requests.closedAt,
        closingNote: requests.closingNote,
        assigneeId: requests.assigneeId,
        assigneeGiven: assignee.givenName,
        assigneeFamily: assignee.familyName,
      })
      .from(requests)
      .leftJoin(assignee, eq(assignee.id, requests.assigneeId))
      .where(and(eq(requests.dossierId, grant.id), inArray(requests.status, [...sees.requests])))
      .orderBy(desc(requests.createdAt)),
    db
      .select({
        id: dossierEntries.id,
        kind: dossierEntries.kind,
        title: dossierEntries.title,
        body: dossierEntries.body,
        occurredOn: dossierEntries.occurredOn,
        visibility: dossierEntries.visibility,
        version: dossierEntries.version,
        updatedAt: dossierEntries.updatedAt,
        editorGiven: editor.givenName,
        editorFamily: editor.familyName,
      })
      .from(dossierEntries)
      .leftJoin(editor, eq(editor.id, dossierEntries.updatedBy))
      .where(and(eq(dossierEntries.dossierId, grant.id), inArray(dossierEntries.visibility, [...sees.entries])))
      .orderBy(desc(dossierEntries.occurredOn), desc(dossierEntries.createdAt)),
    listVisibleAttachments(db, grant),
  ]);
  const requestIds = requestRows.map((r) => r.id);
  const history = requestIds.length
    ? await db
        .select({
          requestId: requestStatusChanges.requestId,
          status: requestStatusChanges.status,
          at: requestStatusChanges.at,
          note: requestStatusChanges.note,
          actorGiven: users.givenName,
          actorFamily: users.familyName,
        })
        .from(requestStatusChanges)
        .leftJoin(users, eq(users.id, requestStatusChanges.actorId))
        .where(and(inArray(requestStatusChanges.requestId, requestIds), isNotNull(requestStatusChanges.at)))
        .orderBy(asc(requestStatusChanges.at))
    : [];
  const filesOf = (key: 'entryId' | 'requestId', id: string) =>
    fileRows.filter((f) => f[key] === id).map(({ id: fileId, fileName, size }) => ({ id: fileId, fileName, size }));
  return {
    requests: requestRows.map(({ assigneeGiven, assigneeFamily, ...r }) => ({
      ...r,
      assigneeName: nameOf({ givenName: assigneeGiven, familyName: assigneeFamily }),
      attachments: filesOf('requestId', r.id),
      history: history
        .filter((h) => h.requestId === r.id)
        .map(({ actorGiven, actorFamily, requestId: _r, ...h }) => ({ ...h, actorName: nameOf({ givenName: actorGiven, familyName: actorFamily }) })),
    })),
    entries: entryRows.map(({ editorGiven, editorFamily, ...e }) => ({
      ...e,
      editorName: nameOf({ givenName: editorGiven, familyName: editorFamily }),
      attachments: filesOf('entryId', e.id),
    })),
  };
}

export type DossierContent = Awaited<ReturnType<typeof getDossierContent>>;
