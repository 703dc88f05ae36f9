import { and, eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { sessions, staffMemberships, users } from '@/lib/db/schema';
import { isSessionLive, TOUCH_INTERVAL_MS } from './session-policy';

export type Membership = {
  role: 'centre_staff' | 'school_manager' | 'department_manager';
  centreId: string | null;
  schoolId: string | null;
  departmentId: string | null;
};

export type Viewer = {
  sessionToken: string;
  user: { id: string; givenName: string; familyName: string; email: string | null };
  memberships: Membership[];
};

/**
 * The person behind a session token, read fresh from the database on every call: a deleted
 * (signed-out, revoked) session or a lapsed one gives null at once. A session past its idle
 * timeout or absolute end is deleted here.
 */
export async function findSession(db: Db, token: string, now = new Date()): Promise<Viewer | null> {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.sessionToken, token))
    .limit(1);
  if (!row) return null;
  if (!isSessionLive(row.session, now)) {
    await db.delete(sessions).where(eq(sessions.sessionToken, token));
    return null;
  }
  if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.sessionToken, token));
  }
  const memberships = await db
    .select({
      role: staffMemberships.role,
      centreId: staffMemberships.centreId,
      schoolId: staffMemberships.schoolId,
      departmentId: staffMemberships.departmentId,
    })
    .from(staffMemberships)
    .where(and(eq(staffMemberships.userId, row.user.id), eq(staffMemberships.active, true)));
  const { id, givenName, familyName, email } = row.user;
  return { sessionToken: token, user: { id, givenName, familyName, email }, memberships };
}
