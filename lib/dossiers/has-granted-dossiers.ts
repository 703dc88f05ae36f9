import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { dossierContacts } from '@/lib/db/schema';

/** Whether the person holds at least one active (not revoked) dossier contact. */
export async function hasGrantedDossiers(db: Db, userId: string): Promise<boolean> {
  const rows = await db
    .select({ id: dossierContacts.id })
    .from(dossierContacts)
    .where(and(eq(dossierContacts.userId, userId), isNull(dossierContacts.revokedAt)))
    .limit(1);
  return rows.length > 0;
}
