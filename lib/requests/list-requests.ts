import { and, desc, eq, like, lt, or, type SQL } from 'drizzle-orm';
import type { Membership } from '@/lib/auth/find-session';
import type { Db } from '@/lib/db/client';
import { departments, requests, schools, students, type RequestStatus, type RequestType } from '@/lib/db/schema';
import { isUuid } from '@/lib/text/uuid';
import { foldForSearch } from '@/lib/text/search-name';
import { decodeCursor, encodeCursor } from './cursor';
import { requestScope } from './request-scope';

export type RequestFilters = { q?: string; status?: RequestStatus; schoolId?: string; cursor?: string };

export type RequestRow = {
  id: string;
  dossierId: string;
  studentName: string;
  schoolName: string;
  departmentName: string | null;
  type: RequestType;
  status: RequestStatus;
  createdAt: Date;
};

export const PAGE_SIZE = 25;

/**
 * 'Beheer aanvragen': the requests in the caller's scope, newest first, by keyset pages so a
 * page is stable while rows are added and stays one index range deep at any size.
 */
export async function listRequests(
  db: Db,
  viewer: { memberships: readonly Membership[] },
  filters: RequestFilters,
  pageSize = PAGE_SIZE,
): Promise<{ rows: RequestRow[]; nextCursor: string | null }> {
  const scope = requestScope(viewer.memberships);
  if (!scope) return { rows: [], nextCursor: null };
  const conditions: SQL[] = [scope];
  if (filters.status) conditions.push(eq(requests.status, filters.status));
  if (filters.schoolId && isUuid(filters.schoolId)) conditions.push(eq(requests.schoolId, filters.schoolId));
  const q = filters.q ? foldForSearch(filters.q).replace(/[%_\\]/g, '') : '';
  if (q) conditions.push(or(like(students.searchName, `${q}%`), like(students.searchName, `% ${q}%`))!);
  const cursor = decodeCursor(filters.cursor);
  if (cursor) {
    conditions.push(
      or(lt(requests.createdAt, cursor.createdAt), and(eq(requests.createdAt, cursor.createdAt), lt(requests.id, cursor.id)))!,
    );
  }
  const rows = await db
    .select({
      id: requests.id,
      dossierId: requests.dossierId,
      givenName: students.givenName,
      familyName: students.familyName,
      schoolName: schools.name,
      departmentName: departments.name,
      type: requests.type,
      status: requests.status,
      createdAt: requests.createdAt,
    })
    .from(requests)
    .innerJoin(students, eq(students.id, requests.studentId))
    .innerJoin(schools, eq(schools.id, requests.schoolId))
    .leftJoin(departments, eq(departments.id, requests.departmentId))
    .where(and(...conditions))
    .orderBy(desc(requests.createdAt), desc(requests.id))
    .limit(pageSize + 1);
  const page = rows.slice(0, pageSize).map(({ givenName, familyName, ...r }) => ({
    ...r,
    studentName: `${givenName} ${familyName}`,
  }));
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > pageSize && last ? encodeCursor(last) : null };
}
