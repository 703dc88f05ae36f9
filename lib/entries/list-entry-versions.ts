import { and, desc, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { dossierEntries, dossierEntryVersions, users } from '@/lib/db/schema';
import type { DossierGrant } from '@/lib/dossiers/dossier-grant';

/** How many earlier versions of each entry the dossier page reads and shows (the newest). */
export const VERSIONS_SHOWN = 10;

/**
 * The earlier versions of one entry (or of every entry) of this dossier, newest first, with who
 * wrote and who replaced each: at most VERSIONS_SHOWN per entry (versions are numbered 1…n, so
 * the bound is a range on the unique (entry, version) index, not a read of all of them).
 */
export async function listEntryVersions(db: Db, grant: DossierGrant<'entries.write'>, entryId?: string) {
  const rows = await db
    .select({
      entryId: dossierEntryVersions.entryId,
      version: dossierEntryVersions.version,
      kind: dossierEntryVersions.kind,
      title: dossierEntryVersions.title,
      body: dossierEntryVersions.body,
      occurredOn: dossierEntryVersions.occurredOn,
      visibility: dossierEntryVersions.visibility,
      writtenBy: dossierEntryVersions.writtenBy,
      writtenAt: dossierEntryVersions.writtenAt,
      replacedAt: dossierEntryVersions.replacedAt,
      replacedByGiven: users.givenName,
      replacedByFamily: users.familyName,
    })
    .from(dossierEntryVersions)
    .innerJoin(dossierEntries, eq(dossierEntries.id, dossierEntryVersions.entryId))
    .leftJoin(users, eq(users.id, dossierEntryVersions.replacedBy))
    .where(
      and(
        entryId ? eq(dossierEntryVersions.entryId, entryId) : undefined,
        eq(dossierEntries.dossierId, grant.id),
        gte(dossierEntryVersions.version, sql`${dossierEntries.version} - ${VERSIONS_SHOWN}`),
      ),
    )
    .orderBy(desc(dossierEntryVersions.version));
  return rows.map(({ replacedByGiven, replacedByFamily, ...r }) => ({
    ...r,
    replacedByName: replacedByGiven ? `${replacedByGiven} ${replacedByFamily}` : null,
  }));
}
