import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import type { DossierGrant } from '@/lib/dossiers/dossier-grant';
import { moveRequest } from './move-request';

export type SubmitOutcome = { status: 'submitted' } | { status: 'not_found' } | { status: 'wrong_status' };

/** 'Indienen': a 'Werkversie' of this dossier goes to the centre. */
export async function submitRequest(db: Db, grant: DossierGrant<'requests.submit'>, requestId: string): Promise<SubmitOutcome> {
  const moved = await moveRequest(db, grant, requestId, {
    from: ['draft'],
    to: 'submitted',
    action: 'request_submitted',
    set: { submittedAt: sql`now()` },
  });
  return moved.status === 'moved' ? { status: 'submitted' } : moved;
}
