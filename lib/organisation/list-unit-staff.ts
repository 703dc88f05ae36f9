import { alias } from 'drizzle-orm/pg-core';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { personName, personNameSql } from '@/lib/text/person-name';
import type { Db } from '@/lib/db/client';
import { staffMemberships, users } from '@/lib/db/schema';
import type { UnitGrant } from './unit-grant';
import { membershipsOf } from './unit-memberships';

const inviter = alias(users, 'inviter');
const ender = alias(users, 'ender');

/**
 * Who has access to this unit: its active members (the name itsme confirmed, role, since,
 * invited by) and, apart, the ended memberships with who ended them and when.
 */
export async function listUnitStaff(db: Db, grant: UnitGrant<'unit.view'>) {
  const rows = await db
    .select({
      id: staffMemberships.id,
      userId: staffMemberships.userId,
      role: staffMemberships.role,
      active: staffMemberships.active,
      since: staffMemberships.createdAt,
      endedAt: staffMemberships.endedAt,
      givenName: users.givenName,
      familyName: users.familyName,
      inviterName: personNameSql(inviter),
      enderName: personNameSql(ender),
    })
    .from(staffMemberships)
    .innerJoin(users, eq(users.id, staffMemberships.userId))
    .leftJoin(inviter, eq(inviter.id, staffMemberships.invitedBy))
    .leftJoin(ender, eq(ender.id, staffMemberships.endedBy))
    .where(membershipsOf(grant.unit))
    .orderBy(desc(staffMemberships.active), asc(users.familyName), asc(users.givenName));
  const people = rows.map((r) => ({
    id: r.id,
    userId: r.userId,
    name: personName(r),
    role: r.role,
    since: r.since,
    invitedBy: r.inviterName,
    endedBy: r.enderName,
    endedAt: r.endedAt,
    isCaller: r.userId === grant.actor.id,
  }));
  const active = people.filter((_, i) => rows[i]!.active);
  return { active, ended: people.filter((_, i) => !rows[i]!.active), lastCentreStaff: grant.unit.kind === 'centre' && active.length <= 1 };
}

export type UnitStaff = Awaited<ReturnType<typeof listUnitStaff>>;

/** Counts active memberships of this unit. */
export async function countActiveMembers(db: Db, grant: UnitGrant<'unit.view' | 'staff.manage'>): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(staffMemberships)
    .where(and(membershipsOf(grant.unit), eq(staffMemberships.active, true)));
  return Number(row?.n ?? 0);
}
