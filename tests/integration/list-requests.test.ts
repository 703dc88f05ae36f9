import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Membership } from '@/lib/auth/find-session';
import type { DatabaseHandle } from '@/lib/db/client';
import * as t from '@/lib/db/schema';
import { decodeCursor, encodeCursor } from '@/lib/requests/cursor';
import { countRequests } from '@/lib/requests/count-requests';
import { listRequests } from '@/lib/requests/list-requests';
import { openTestDb } from '../support/db';
import { makeDossier, makeOrganisation } from '../support/fixtures';

let handle: DatabaseHandle;
let org: Awaited<ReturnType<typeof makeOrganisation>>;
const ids = { centre: [] as string[], school: [] as string[], department: [] as string[], otherSchool: [] as string[] };

/** 7 requests in one millisecond (distinct microseconds), 3 sharing one exact instant, and more. */
beforeAll(async () => {
  handle = await openTestDb();
  const db = handle.db;
  org = await makeOrganisation(db);
  const instants = [
    '2026-03-01T10:00:00.000100Z', '2026-03-01T10:00:00.000200Z', '2026-03-01T10:00:00.000300Z',
    '2026-03-01T10:00:00.000400Z', '2026-03-01T10:00:00.000500Z', '2026-03-01T10:00:00.000600Z',
    '2026-03-01T10:00:00.000700Z', '2026-03-02T09:00:00.000000Z', '2026-03-02T09:00:00.000000Z',
    '2026-03-02T09:00:00.000000Z', '2026-03-03T08:00:00.000000Z',
  ];
  for (const [i, at] of instants.entries()) {
    const where = i % 3 === 0 ? { ...org, department: org.department } : i % 3 === 1 ? { ...org, department: null } : { ...org, school: org.otherSchool, department: null };
    const { dossier, student } = await makeDossier(db, where, { givenName: `Kind${i}`, familyName: i === 4 ? 'Vandenbroucke' : `Lijst${i}` });
    const [row] = await db
      .insert(t.requests)
      .values({
        dossierId: dossier.id, studentId: student.id, centreId: org.centre.id, schoolId: student.schoolId,
        departmentId: student.departmentId, type: 'support_request', status: i % 2 ? 'submitted' : 'in_progress',
      })
      .returning({ id: t.requests.id });
    await db.execute(sql`update requests set created_at = ${at}::timestamptz where id = ${row!.id}`);
    ids.centre.push(row!.id);
    if (student.schoolId === org.school.id) ids.school.push(row!.id);
    else ids.otherSchool.push(row!.id);
    if (student.departmentId === org.department.id) ids.department.push(row!.id);
  }
});
afterAll(async () => handle.close());

async function addRequest(db: DatabaseHandle['db'], where: Awaited<ReturnType<typeof makeOrganisation>>, at?: string): Promise<string> {
  const { dossier, student } = await makeDossier(db, where);
  const [row] = await db
    .insert(t.requests)
    .values({ dossierId: dossier.id, studentId: student.id, centreId: where.centre.id, schoolId: student.schoolId, type: 'advice', status: 'submitted' })
    .returning({ id: t.requests.id });
  if (at) await db.execute(sql`update requests set created_at = ${at}::timestamptz where id = ${row!.id}`);
  return row!.id;
}

const as = (m: Partial<Membership> & Pick<Membership, 'role'>) => ({
  memberships: [{ centreId: null, schoolId: null, departmentId: null, ...m }],
});

async function allPages(viewer: { memberships: Membership[] }, filters = {}, pageSize = 2) {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 50; guard++) {
    const page = await listRequests(handle.db, viewer, { ...filters, cursor }, pageSize);
    seen.push(...page.rows.map((r) => r.id));
    if (!page.nextCursor) return seen;
    cursor = page.nextCursor;
  }
  throw new Error('pagination did not end');
}

describe('Beheer aanvragen: listRequests', () => {
  it('pages through every request exactly once, newest first, even within one millisecond and on equal times', async () => {
    const centreStaff = as({ role: 'centre_staff', centreId: org.centre.id });
    const seen = await allPages(centreStaff);
    expect(seen).toHaveLength(ids.centre.length);
    expect(new Set(seen)).toEqual(new Set(ids.centre));
    const single = await listRequests(handle.db, centreStaff, {}, 100);
    expect(single.rows.map((r) => r.id)).toEqual(seen);
    const times = single.rows.map((r) => r.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('returns every row exactly once while new requests arrive between pages', async () => {
    const db = handle.db;
    const own = await makeOrganisation(db);
    const viewer = as({ role: 'centre_staff', centreId: own.centre.id });
    const before: string[] = [];
    for (let i = 0; i < 9; i++) before.push(await addRequest(db, own, `2026-05-01T10:00:0${i}.000000Z`));
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let round = 0; round < 20; round++) {
      const page = await listRequests(db, viewer, { cursor }, 2);
      seen.push(...page.rows.map((r) => r.id));
      // Someone adds a request now: newer than everything, and one back-dated into the pages still to come.
      await addRequest(db, own);
      if (round === 1) before.push(await addRequest(db, own, '2026-05-01T10:00:00.500000Z'));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(new Set(seen).size);
    expect(new Set(seen)).toEqual(new Set(before));
  });

  it("walks back with 'Vorige pagina' to exactly the pages it came through, and counts where it is", async () => {
    const centreStaff = as({ role: 'centre_staff', centreId: org.centre.id });
    const forward: { ids: string[]; prev: string | null }[] = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 50; guard++) {
      const page = await listRequests(handle.db, centreStaff, { cursor }, 2);
      forward.push({ ids: page.rows.map((r) => r.id), prev: page.prevCursor });
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(forward.length).toBeGreaterThan(2);
    expect(forward[0]!.prev).toBeNull();
    // From the last page, 'Vorige pagina' each time gives the page before, up to the first (which has no previous).
    let before = forward.at(-1)!.prev;
    for (let i = forward.length - 2; i >= 0; i--) {
      const page = await listRequests(handle.db, centreStaff, { before: before! }, 2);
      expect(page.rows.map((r) => r.id)).toEqual(forward[i]!.ids);
      expect(page.nextCursor).not.toBeNull();
      before = page.prevCursor;
      if (i === 0) expect(before).toBeNull();
    }
    const second = await listRequests(handle.db, centreStaff, { cursor: (await listRequests(handle.db, centreStaff, {}, 2)).nextCursor! }, 2);
    expect(await countRequests(handle.db, centreStaff, {}, second.prevCursor)).toEqual({ total: ids.centre.length, before: 2, capped: false });
    expect(await countRequests(handle.db, centreStaff, {}, null)).toEqual({ total: ids.centre.length, before: 0, capped: false });
    expect(await countRequests(handle.db, { memberships: [] }, {}, null)).toEqual({ total: 0, before: 0, capped: false });
    // Past the cap the count stops reading: "meer dan …", and deeper pages have no position.
    const third = await listRequests(handle.db, centreStaff, { cursor: second.nextCursor! }, 2);
    expect(ids.centre.length).toBeGreaterThan(4);
    expect(await countRequests(handle.db, centreStaff, {}, null, 3)).toEqual({ total: 3, before: 0, capped: true });
    expect(await countRequests(handle.db, centreStaff, {}, second.prevCursor, 3)).toEqual({ total: 3, before: 2, capped: true });
    expect(await countRequests(handle.db, centreStaff, {}, third.prevCursor, 3)).toEqual({ total: 3, before: 4, capped: true });
    expect(await countRequests(handle.db, centreStaff, {}, null, ids.centre.length)).toEqual({ total: ids.centre.length, before: 0, capped: false });
  });

  it('keeps each role inside its own scope', async () => {
    expect(new Set(await allPages(as({ role: 'school_manager', schoolId: org.school.id })))).toEqual(new Set(ids.school));
    expect(new Set(await allPages(as({ role: 'department_manager', departmentId: org.department.id })))).toEqual(new Set(ids.department));
    const other = await makeOrganisation(handle.db);
    expect((await listRequests(handle.db, as({ role: 'centre_staff', centreId: other.centre.id }), {})).rows).toEqual([]);
    expect(await listRequests(handle.db, { memberships: [] }, {})).toEqual({ rows: [], nextCursor: null, prevCursor: null });
  });

  it('filters by status and by a name, also with accents, case and LIKE wildcards in the search', async () => {
    const centreStaff = as({ role: 'centre_staff', centreId: org.centre.id });
    const submitted = await listRequests(handle.db, centreStaff, { status: 'submitted' }, 100);
    expect(submitted.rows.every((r) => r.status === 'submitted')).toBe(true);
    expect(submitted.rows).toHaveLength(5);
    for (const q of ['vandenbroucke', 'VANDENBROUCKE', 'Vandenbroücke', 'kind4 vanden', 'vanden']) {
      const found = await listRequests(handle.db, centreStaff, { q }, 100);
      expect(found.rows.map((r) => r.studentName), q).toEqual(['Kind4 Vandenbroucke']);
    }
    expect((await listRequests(handle.db, centreStaff, { q: '%' }, 100)).rows).toHaveLength(ids.centre.length);
    expect((await listRequests(handle.db, centreStaff, { q: '_andenbroucke' }, 100)).rows).toEqual([]);
  });

  it('ignores a tampered or foreign cursor instead of failing', async () => {
    const centreStaff = as({ role: 'centre_staff', centreId: org.centre.id });
    const first = await listRequests(handle.db, centreStaff, {}, 100);
    for (const cursor of ['nonsense', Buffer.from("2026-01-01|x' or 1=1").toString('base64url'), 'A'.repeat(500)]) {
      expect(decodeCursor(cursor)).toBeNull();
      expect((await listRequests(handle.db, centreStaff, { cursor }, 100)).rows).toEqual(first.rows);
    }
    const round = { createdAt: '2026-03-01T10:00:00.000300Z', id: ids.centre[2]! };
    expect(decodeCursor(encodeCursor(round))).toEqual(round);
  });
});
