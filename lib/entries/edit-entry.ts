import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit/record-event';
import { saveAttachments } from '@/lib/attachments/save-attachments';
import type { ValidFile } from '@/lib/attachments/validate-upload';
import type { Db } from '@/lib/db/client';
import { dossierEntries, dossierEntryVersions } from '@/lib/db/schema';
import type { DossierGrant } from '@/lib/dossiers/dossier-grant';
import { notifyContacts } from '@/lib/notifications/notify-contacts';
import type { EntryInput } from './entry-form-schema';

export type EditOutcome = { status: 'edited'; version: number; mails: number } | { status: 'not_found' } | { status: 'stale' };

/**
 * Changes an entry of this dossier and keeps what it said before (who wrote that version, when,
 * and who replaced it) in dossier_entry_versions. `expectedVersion` is the version the editor
 * saw: a concurrent edit in between is refused ('stale') rather than silently overwritten.
 * Going from internal to shared queues the contacts' mails, like a new shared entry.
 */
export async function editEntry(
  db: Db,
  grant: DossierGrant<'entries.write'>,
  entryId: string,
  expectedVersion: number,
  input: EntryInput,
  files: readonly ValidFile[] = [],
): Promise<EditOutcome> {
  return db.transaction(async (tx) => {
    const [old] = await tx
      .select()
      .from(dossierEntries)
      .where(and(eq(dossierEntries.id, entryId), eq(dossierEntries.dossierId, grant.id)))
      .for('update');
    if (!old) return { status: 'not_found' as const };
    if (old.version !== expectedVersion) return { status: 'stale' as const };
    await tx.insert(dossierEntryVersions).values({
      entryId,
      version: old.version,
      kind: old.kind,
      title: old.title,
      body: old.body,
      occurredOn: old.occurredOn,
      visibility: old.visibility,
      writtenBy: old.updatedBy ?? old.authorId,
      writtenAt: old.updatedAt ?? old.createdAt,
      replacedBy: grant.actor.id,
    });
    const version = old.version + 1;
    await tx
      .update(dossierEntries)
      .set({ ...input, version, updatedBy: grant.actor.id, updatedAt: sql`now()` })
      .where(eq(dossierEntries.id, entryId));
    await saveAttachments(tx, { dossierId: grant.id, entryId }, files, { id: grant.actor.id, origin: grant.origin });
    const changed = (Object.keys(input) as (keyof EntryInput)[]).filter((k) => input[k] !== old[k]);
    await recordAudit(tx, {
      actorId: grant.actor.id,
      action: 'entry_edited',
      dossierId: grant.id,
      targetType: 'entry',
      targetId: entryId,
      details: { version, changed, attachments: files.length },
      origin: grant.origin,
    });
    const mails = old.visibility === 'internal' && input.visibility === 'shared' ? await notifyContacts(tx, grant.id) : 0;
    return { status: 'edited' as const, version, mails };
  });
}
