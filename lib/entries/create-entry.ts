import { recordAudit } from '@/lib/audit/record-event';
import { saveAttachments } from '@/lib/attachments/save-attachments';
import type { ValidFile } from '@/lib/attachments/validate-upload';
import type { Db } from '@/lib/db/client';
import { dossierEntries } from '@/lib/db/schema';
import type { DossierGrant } from '@/lib/dossiers/dossier-grant';
import { notifyContacts } from '@/lib/notifications/notify-contacts';
import type { EntryInput } from './entry-form-schema';

/**
 * A new note, report or meeting on the dossier, with its attachments, in one transaction; a
 * shared entry also queues the contacts' "iets nieuws" mails. Returns the entry's id and how
 * many mails were queued.
 */
export async function createEntry(
  db: Db,
  grant: DossierGrant<'entries.write'>,
  input: EntryInput,
  files: readonly ValidFile[] = [],
): Promise<{ id: string; mails: number }> {
  return db.transaction(async (tx) => {
    const [entry] = await tx
      .insert(dossierEntries)
      .values({ dossierId: grant.id, authorId: grant.actor.id, ...input })
      .returning({ id: dossierEntries.id });
    const id = entry!.id;
    await saveAttachments(tx, { dossierId: grant.id, entryId: id }, files, { id: grant.actor.id, origin: grant.origin });
    await recordAudit(tx, {
      actorId: grant.actor.id,
      action: 'entry_created',
      dossierId: grant.id,
      targetType: 'entry',
      targetId: id,
      details: { kind: input.kind, visibility: input.visibility, attachments: files.length },
      origin: grant.origin,
    });
    const mails = input.visibility === 'shared' ? await notifyContacts(tx, grant.id) : 0;
    return { id, mails };
  });
}
