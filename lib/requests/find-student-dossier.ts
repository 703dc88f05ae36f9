import { eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { dossiers } from '@/lib/db/schema';
import { isUuid } from '@/lib/text/uuid';

/** The dossier id of a student, or null. Grants nothing: the caller resolves a grant on it next. */
export async function findStudentDossier(db: Db, studentId: string): Promise<string | null> {
  if (!isUuid(studentId)) return null;
  const [row] = await db.select({ id: dossiers.id }).from(dossiers).where(eq(dossiers.studentId, studentId)).limit(1);
  return row?.id ?? null;
}
