import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSession } from '@/lib/auth/find-session';
import { inScope, isStaff, membershipsCovering, staffRoleFor } from '@/lib/auth/scope';
import type { StaffRole } from '@/lib/codes';
import type { DatabaseHandle } from '@/lib/db/client';
import * as t from '@/lib/db/schema';
import { resolveDossierGrant } from '@/lib/dossiers/dossier-grant';
import { openTestDb } from '../support/db';
import { makeDossier, makeOrganisation, makeStaff } from '../support/fixtures';

/**
 * The one scope rule (lib/auth/scope.ts) over every role × every placement × active or ended:
 * its JavaScript form (dossier access), its SQL form (requests, schools) and its inverse (the
 * staff of a dossier) agree, and an ended membership covers nothing.
 */
let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(async () => handle.close());

async function world() {
  const db = handle.db;
  const org = await makeOrganisation(db);
  const other = await makeOrganisation(db);
  const place = async (o: typeof org, department: typeof org.department | null, school = o.school) =>
    makeDossier(db, { centre: o.centre, school, department });
  const students = {
    department: await place(org, org.department),
    otherDepartment: await place(org, org.otherDepartment),
    schoolOnly: await place(org, null),
    otherSchool: await place(org, null, org.otherSchool),
    otherCentre: await place(other, other.department),
  };
  const units: Record<StaffRole, { centreId?: string; schoolId?: string; departmentId?: string }> = {
    centre_staff: { centreId: org.centre.id },
    school_manager: { schoolId: org.school.id },
    department_manager: { departmentId: org.department.id },
  };
  const expected: Record<StaffRole, (keyof typeof students)[]> = {
    centre_staff: ['department', 'otherDepartment', 'schoolOnly', 'otherSchool'],
    school_manager: ['department', 'otherDepartment', 'schoolOnly'],
    department_manager: ['department'],
  };
  return { db, students, units, expected };
}

describe('the scope rule', () => {
  it('role × placement: access, the SQL condition and the inverse agree with the table', async () => {
    const { db, students, units, expected } = await world();
    const all = Object.values(students).map((s) => s.student.id);
    for (const role of Object.keys(units) as StaffRole[]) {
      const { user, viewer } = await makeStaff(db, { role, ...units[role] });
      expect(isStaff(viewer.memberships)).toBe(true);
      const condition = inScope(viewer.memberships, t.students)!;
      const bySql = await db.select({ id: t.students.id }).from(t.students).where(and(condition, inArray(t.students.id, all)));
      const want = expected[role].map((k) => students[k].student.id).sort();
      expect(bySql.map((r) => r.id).sort(), `${role}: SQL`).toEqual(want);
      for (const [key, { student, dossier }] of Object.entries(students)) {
        const inside = expected[role].includes(key as keyof typeof students);
        const placement = { centreId: student.centreId, schoolId: student.schoolId, departmentId: student.departmentId };
        expect(staffRoleFor(viewer.memberships, placement), `${role} × ${key}`).toBe(inside ? role : null);
        expect(Boolean(await resolveDossierGrant(db, viewer, dossier.id, 'dossier.view')), `${role} × ${key}: grant`).toBe(inside);
        const covering = await db.select({ userId: t.staffMemberships.userId }).from(t.staffMemberships).where(membershipsCovering(placement));
        expect(covering.some((m) => m.userId === user.id), `${role} × ${key}: inverse`).toBe(inside);
      }
    }
  });

  it('an ended membership covers nothing, in any form', async () => {
    const { db, students, units } = await world();
    for (const role of Object.keys(units) as StaffRole[]) {
      const { user, viewer } = await makeStaff(db, { role, ...units[role] });
      await db.update(t.staffMemberships).set({ active: false }).where(eq(t.staffMemberships.userId, user.id));
      const fresh = await findSession(db, viewer.sessionToken);
      expect(fresh!.memberships).toEqual([]);
      expect(isStaff(fresh!.memberships)).toBe(false);
      expect(inScope(fresh!.memberships, t.students)).toBeNull();
      const { student, dossier } = students.department;
      const placement = { centreId: student.centreId, schoolId: student.schoolId, departmentId: student.departmentId };
      expect(await resolveDossierGrant(db, fresh!, dossier.id, 'dossier.view')).toBeNull();
      const covering = await db.select({ userId: t.staffMemberships.userId }).from(t.staffMemberships).where(membershipsCovering(placement));
      expect(covering.some((m) => m.userId === user.id)).toBe(false);
    }
  });

  it('the widest role wins when several cover a student', () => {
    const placement = { centreId: 'c', schoolId: 's', departmentId: 'd' };
    const memberships = [
      { role: 'department_manager' as const, centreId: null, schoolId: null, departmentId: 'd' },
      { role: 'school_manager' as const, centreId: null, schoolId: 's', departmentId: null },
    ];
    expect(staffRoleFor(memberships, placement)).toBe('school_manager');
    expect(staffRoleFor(memberships, { ...placement, departmentId: null })).toBe('school_manager');
    expect(staffRoleFor([memberships[0]!], { ...placement, departmentId: null })).toBeNull();
  });
});
