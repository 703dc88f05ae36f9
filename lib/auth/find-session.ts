import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { dossierContacts, sessions, staffMemberships, users } from '@/lib/db/schema';
import { isSessionLive, TOUCH_INTERVAL_MS } from './session-policy';
import { hashSessionToken } from './session-token';

export type Membership = {
  role: 'centre_staff' | 'school_manager' | 'department_manager';
  centreId: string | null;
  schoolId: string | null;
  departmentId: string | null;
};

export type Viewer = {
  sessionToken: string;
  user: { id: string; givenName: string | null; familyName: string; email: string | null };
  memberships: Membership[];
  /** Holds at least one active dossier contact (shows 'Mijn dossiers'). */
  hasDossiers: boolean;
};

/** Membership rows as one JSON array, so the session, its person and their roles are one query. */
const membershipsJson = sql<Membership[] | string>`coalesce((
  select json_agg(json_build_object(
    'role', m.role, 'centreId', m.centre_id, 'schoolId', m.school_id, 'departmentId', m.department_id
  ) order by m.created_at)
  from ${staffMemberships} m where m.user_id = ${users.id} and m.active
), '[]'::json)`;

const SESSION_TOKEN_SHAPE = /^[\x21-\x7e]{1,255}$/;

const hasDossiersSql = sql<boolean>`exists (
  select 1 from ${dossierContacts} c where c.user_id = ${users.id} and c.revoked_at is null
)`;

/**
 * The person behind a session token, read fresh from the database on every call: a deleted
 * (signed-out, revoked) session or a lapsed one gives null at once. A session past its idle
 * timeout or absolute end is deleted here.
 */
export async function findSession(db: Db, token: string, now = new Date()): Promise<Viewer | null> {
  // Session tokens are printable ASCII; a cookie holding anything else (a NUL byte from `%00`)
  // is no session, and must not reach the database, which refuses it with an error.
  if (!SESSION_TOKEN_SHAPE.test(token)) return null;
  const stored = hashSessionToken(token);
  const [row] = await db
    .select({ session: sessions, user: users, memberships: membershipsJson, hasDossiers: hasDossiersSql })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.sessionToken, stored))
    .limit(1);
  if (!row) return null;
  if (!isSessionLive(row.session, now)) {
    await db.delete(sessions).where(eq(sessions.sessionToken, stored));
    return null;
  }
  if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.sessionToken, stored));
  }
  const memberships: Membership[] = typeof row.memberships === 'string' ? JSON.parse(row.memberships) : row.memberships;
  const { id, givenName, familyName, email } = row.user;
  return { sessionToken: token, user: { id, givenName, familyName, email }, memberships, hasDossiers: Boolean(row.hasDossiers) };
}
