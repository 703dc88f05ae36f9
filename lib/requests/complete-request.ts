import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import type { DossierGrant } from '@/lib/dossiers/dossier-grant';
import { text } from '@/lib/forms/zod';
import { moveRequest } from './move-request';

/** The closing note 'Afronden' asks for. */
export const closingNoteSchema = text().trim().min(1).max(5000);

export type CompleteOutcome = { status: 'completed' } | { status: 'not_found' } | { status: 'wrong_status' };

/** 'Afgerond': a request in progress is closed with a closing note. */
export async function completeRequest(
  db: Db,
  grant: DossierGrant<'requests.work'>,
  requestId: string,
  closingNote: string,
): Promise<CompleteOutcome> {
  const moved = await moveRequest(db, grant, requestId, {
    from: ['in_progress'],
    to: 'completed',
    action: 'request_completed',
    set: { closingNote, closedAt: sql`now()` },
    note: closingNote,
  });
  return moved.status === 'moved' ? { status: 'completed' } : moved;
}
