import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { dossierEntries, dossiers, requests, type DossierEntry, type Request } from '@/lib/db/schema';
import type { DossierWithAccess } from './get-dossier-access';

export type DossierRequest = Pick<Request, 'id' | 'type' | 'status' | 'description' | 'createdAt' | 'submittedAt'>;
export type DossierEntryItem = Pick<DossierEntry, 'id' | 'kind' | 'title' | 'body' | 'occurredOn'>;

type Json<T> = T | string;
type RequestJson = Omit<DossierRequest, 'createdAt' | 'submittedAt'> & { createdAt: string; submittedAt: string | null };

const requestsJson = sql<Json<RequestJson[]>>`coalesce((
  select json_agg(json_build_object(
    'id', r.id, 'type', r.type, 'status', r.status, 'description', r.description,
    'createdAt', r.created_at, 'submittedAt', r.submitted_at
  ) order by r.created_at desc)
  from ${requests} r where r.dossier_id = ${dossiers}.id
), '[]'::json)`;

const entriesJson = sql<Json<DossierEntryItem[]>>`coalesce((
  select json_agg(json_build_object(
    'id', e.id, 'kind', e.kind, 'title', e.title, 'body', e.body, 'occurredOn', e.occurred_on
  ) order by e.occurred_on desc, e.created_at desc)
  from ${dossierEntries} e where e.dossier_id = ${dossiers}.id
), '[]'::json)`;

// `${dossiers}.id`, not `${dossiers.id}`: drizzle leaves a column unqualified in a one-table select,
// and inside the subquery a bare "id" would be the request's or entry's own.
const parse = <T>(value: Json<T>): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/**
 * The requests and dated entries of a dossier the caller already holds access to, newest
 * first, in one round trip (each list as a JSON array).
 */
export async function getDossierContent(db: Db, dossier: DossierWithAccess): Promise<{ requests: DossierRequest[]; entries: DossierEntryItem[] }> {
  const [row] = await db
    .select({ requests: requestsJson, entries: entriesJson })
    .from(dossiers)
    .where(eq(dossiers.id, dossier.dossier.id));
  if (!row) return { requests: [], entries: [] };
  return {
    requests: parse(row.requests).map((r) => ({
      ...r,
      createdAt: new Date(r.createdAt),
      submittedAt: r.submittedAt === null ? null : new Date(r.submittedAt),
    })),
    entries: parse(row.entries),
  };
}
