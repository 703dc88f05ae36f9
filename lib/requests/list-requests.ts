import { aliasedTable, and, asc, desc, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import { VISIBILITY } from '@/lib/auth/permissions';
import { REQUEST_STATUSES, STAFF_ROLES } from '@/lib/codes';
import type { Membership } from '@/lib/auth/find-session';
import { inScope } from '@/lib/auth/scope';
import type { Db } from '@/lib/db/client';
import { departments, requests, schools, students, users, type RequestStatus, type RequestType } from '@/lib/db/schema';
import { personName } from '@/lib/text/person-name';
import { isUuid } from '@/lib/text/uuid';
import { foldForSearch } from '@/lib/text/search-name';
import { CURSOR_TIME_FORMAT, decodeCursor, encodeCursor } from './cursor';

/** `cursor` ('na'): the page after that row; `before` ('voor'): the page before that row. */
export type RequestFilters = {
  q?: string;
  status?: RequestStatus;
  schoolId?: string;
  assigneeId?: string;
  cursor?: string;
  before?: string;
};

export type RequestRow = {
  id: string;
  dossierId: string;
  studentName: string;
  schoolName: string;
  departmentName: string | null;
  type: RequestType;
  status: RequestStatus;
  assigneeName: string | null;
  createdAt: Date;
};

const assignee = aliasedTable(users, 'assignee');

export const PAGE_SIZE = 25;

export type RequestPage = { rows: RequestRow[]; nextCursor: string | null; prevCursor: string | null };

/**
 * 'Beheer aanvragen': the requests in the caller's scope, newest first, by keyset pages so a
 * page is stable while rows are added and stays one index range deep at any size. Backwards
 * ('Vorige pagina') reads the same index range the other way and turns the rows round.
 */
export async function listRequests(
  db: Db,
  viewer: { memberships: readonly Membership[] },
  filters: RequestFilters,
  pageSize = PAGE_SIZE,
): Promise<RequestPage> {
  const conditions = requestConditions(viewer, filters);
  if (!conditions) return { rows: [], nextCursor: null, prevCursor: null };
  const after = decodeCursor(filters.cursor);
  const before = after ? null : decodeCursor(filters.before);
  if (after) {
    // A row comparison is one index range; the equivalent OR of two conditions is a filter.
    conditions.push(sql`(${requests.createdAt}, ${requests.id}) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`);
  }
  if (before) conditions.push(sql`(${requests.createdAt}, ${requests.id}) > (${before.createdAt}::timestamptz, ${before.id}::uuid)`);
  const fetched = await db
    .select({
      id: requests.id,
      dossierId: requests.dossierId,
      givenName: students.givenName,
      familyName: students.familyName,
      schoolName: schools.name,
      departmentName: departments.name,
      type: requests.type,
      status: requests.status,
      assigneeGiven: assignee.givenName,
      assigneeFamily: assignee.familyName,
      createdAt: requests.createdAt,
      cursorAt: sql<string>`to_char(${requests.createdAt} at time zone 'UTC', ${CURSOR_TIME_FORMAT})`,
    })
    .from(requests)
    .innerJoin(students, eq(students.id, requests.studentId))
    .innerJoin(schools, eq(schools.id, requests.schoolId))
    .leftJoin(departments, eq(departments.id, requests.departmentId))
    .leftJoin(assignee, eq(assignee.id, requests.assigneeId))
    .where(and(...conditions))
    .orderBy(...(before ? [asc(requests.createdAt), asc(requests.id)] : [desc(requests.createdAt), desc(requests.id)]))
    .limit(pageSize + 1);
  const more = fetched.length > pageSize;
  const rows = before ? fetched.slice(0, pageSize).reverse() : fetched.slice(0, pageSize);
  const page = rows.map(({ givenName, familyName, assigneeGiven, assigneeFamily, cursorAt: _cursorAt, ...r }) => ({
    ...r,
    studentName: personName({ givenName, familyName }),
    assigneeName: assigneeGiven ? `${assigneeGiven} ${assigneeFamily}` : null,
  }));
  const first = rows[0];
  const last = rows.at(-1);
  const hasNext = before ? true : more;
  const hasPrev = before ? more : Boolean(after);
  return {
    rows: page,
    nextCursor: hasNext && last ? encodeCursor({ createdAt: last.cursorAt, id: last.id }) : null,
    prevCursor: hasPrev && first ? encodeCursor({ createdAt: first.cursorAt, id: first.id }) : null,
  };
}

/** The scope and the filters as conditions (no cursor); null when the caller has no scope. */
export function requestConditions(viewer: { memberships: readonly Membership[] }, filters: RequestFilters): SQL[] | null {
  // The scope rule, per role: a role sees the statuses VISIBILITY gives it (the centre never a 'Werkversie').
  const parts = STAFF_ROLES.flatMap((role) => {
    const scope = inScope(viewer.memberships.filter((m) => m.role === role), requests);
    if (!scope) return [];
    const statuses = VISIBILITY[role].requests;
    return [statuses.length === REQUEST_STATUSES.length ? scope : and(scope, inArray(requests.status, [...statuses]))!];
  });
  if (parts.length === 0) return null;
  const conditions: SQL[] = [parts.length === 1 ? parts[0]! : or(...parts)!];
  if (filters.assigneeId && isUuid(filters.assigneeId)) conditions.push(eq(requests.assigneeId, filters.assigneeId));
  if (filters.status) conditions.push(eq(requests.status, filters.status));
  if (filters.schoolId && isUuid(filters.schoolId)) conditions.push(eq(requests.schoolId, filters.schoolId));
  // Every word typed must start a word of the name, in any order: "lotte willems" and
  // "willems lot" both find Lotte Willems. LIKE's own wildcards are taken literally (dropped).
  const terms = filters.q ? foldForSearch(filters.q).replace(/[%_\\]/g, '').split(' ').filter(Boolean).slice(0, 4) : [];
  for (const term of terms) {
    conditions.push(or(like(students.searchName, `${term}%`), like(students.searchName, `% ${term}%`))!);
  }
  return conditions;
}
