import { and, eq, sql } from 'drizzle-orm';
import type { Membership } from '@/lib/auth/find-session';
import type { Db } from '@/lib/db/client';
import { requests, students } from '@/lib/db/schema';
import { decodeCursor } from './cursor';
import { requestConditions, type RequestFilters } from './list-requests';

/**
 * How many requests the filters find in the caller's scope, and how many come before a page
 * that starts at `pageStart` (the page's first row as a cursor), for "21–40 van 57". One query.
 */
export async function countRequests(
  db: Db,
  viewer: { memberships: readonly Membership[] },
  filters: Omit<RequestFilters, 'cursor' | 'before'>,
  pageStart: string | null,
): Promise<{ total: number; before: number }> {
  const conditions = requestConditions(viewer, filters);
  if (!conditions) return { total: 0, before: 0 };
  const start = decodeCursor(pageStart);
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      before: start
        ? sql<number>`(count(*) filter (where (${requests.createdAt}, ${requests.id}) > (${start.createdAt}::timestamptz, ${start.id}::uuid)))::int`
        : sql<number>`0`,
    })
    .from(requests)
    .innerJoin(students, eq(students.id, requests.studentId))
    .where(and(...conditions));
  return { total: Number(row?.total ?? 0), before: Number(row?.before ?? 0) };
}
