import { desc, eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { dossierEntries, requests } from '@/lib/db/schema';
import type { DossierGrant } from './dossier-grant';

/** The requests and dated entries of a dossier, for the holder of a view grant. */
export async function getDossierContent(db: Db, grant: DossierGrant<'dossier.view'>) {
  const [requestRows, entryRows] = await Promise.all([
    db
      .select({
        id: requests.id,
        type: requests.type,
        status: requests.status,
        description: requests.description,
        createdAt: requests.createdAt,
        submittedAt: requests.submittedAt,
      })
      .from(requests)
      .where(eq(requests.dossierId, grant.id))
      .orderBy(desc(requests.createdAt)),
    db
      .select({
        id: dossierEntries.id,
        kind: dossierEntries.kind,
        title: dossierEntries.title,
        body: dossierEntries.body,
        occurredOn: dossierEntries.occurredOn,
      })
      .from(dossierEntries)
      .where(eq(dossierEntries.dossierId, grant.id))
      .orderBy(desc(dossierEntries.occurredOn), desc(dossierEntries.createdAt)),
  ]);
  return { requests: requestRows, entries: entryRows };
}
