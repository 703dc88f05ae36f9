import { and, eq } from 'drizzle-orm';
import type { Adapter, AdapterSession, AdapterUser } from 'next-auth/adapters';
import type { Db } from '@/lib/db/client';
import { sessions, users, type User } from '@/lib/db/schema';
import { personName } from '@/lib/text/person-name';
import { findSession } from './find-session';
import { hashSessionToken } from './session-token';

/** The profile our itsme provider hands Auth.js (see lib/auth/itsme/provider.ts). */
type ItsmeUser = AdapterUser & { itsmeSub?: string; givenName?: string | null; familyName?: string };

function toAdapterUser(user: User): AdapterUser {
  return {
    id: user.id,
    email: user.email ?? '',
    emailVerified: null,
    name: personName(user),
  };
}

/**
 * Auth.js storage on our own tables. A person is their itsme `sub`: accounts are looked up by
 * it, never by e-mail (itsme's e-mail is unverified), so `getUserByEmail` finds nobody. Session
 * tokens are stored as their SHA-256 only.
 */
export function diplonAdapter(db: Db): Adapter {
  return {
    async createUser(data) {
      const profile = data as ItsmeUser;
      // itsme may leave out the given name; the family name and the sub it always sends.
      if (!profile.itsmeSub || !profile.familyName) {
        throw new Error('itsme profile without sub or family name');
      }
      const [row] = await db
        .insert(users)
        .values({
          itsmeSub: profile.itsmeSub,
          givenName: profile.givenName || null,
          familyName: profile.familyName,
          email: profile.email || null,
        })
        .onConflictDoUpdate({ target: users.itsmeSub, set: { itsmeSub: profile.itsmeSub } })
        .returning();
      return toAdapterUser(row!);
    },
    async getUser(id) {
      const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
      return row ? toAdapterUser(row) : null;
    },
    async getUserByEmail() {
      return null;
    },
    async getUserByAccount({ provider, providerAccountId }) {
      if (provider !== 'itsme') return null;
      const [row] = await db.select().from(users).where(eq(users.itsmeSub, providerAccountId)).limit(1);
      return row ? toAdapterUser(row) : null;
    },
    async updateUser(data) {
      const [row] = await db.select().from(users).where(eq(users.id, data.id)).limit(1);
      if (!row) throw new Error('unknown user');
      return toAdapterUser(row);
    },
    /**
     * The link between person and itsme is the `sub` on users; itsme's tokens are not kept. Auth.js
     * links an unknown account to whoever is signed in: a person is exactly one `sub`, so a link
     * to a user with another `sub` is refused (the route already starts a fresh login instead).
     */
    async linkAccount(account) {
      const [row] = await db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, account.userId), eq(users.itsmeSub, account.providerAccountId)))
        .limit(1);
      if (account.provider !== 'itsme' || !row) {
        throw new Error('refused to link an itsme identity to another person');
      }
      return account;
    },
    async createSession(session) {
      await db.insert(sessions).values({
        sessionToken: hashSessionToken(session.sessionToken),
        userId: session.userId,
        expires: session.expires,
      });
      return session;
    },
    async getSessionAndUser(sessionToken) {
      const viewer = await findSession(db, sessionToken);
      if (!viewer) return null;
      const [row] = await db.select().from(users).where(eq(users.id, viewer.user.id)).limit(1);
      const [session] = await db
        .select()
        .from(sessions)
        .where(eq(sessions.sessionToken, hashSessionToken(sessionToken)))
        .limit(1);
      if (!row || !session) return null;
      const adapterSession: AdapterSession = { sessionToken, userId: row.id, expires: session.expires };
      return { session: adapterSession, user: toAdapterUser(row) };
    },
    // Sessions are never extended: `expires` is the absolute end (the idle timeout is last-seen based).
    async updateSession(session) {
      const [row] = await db
        .select()
        .from(sessions)
        .where(eq(sessions.sessionToken, hashSessionToken(session.sessionToken)))
        .limit(1);
      return row ? { sessionToken: session.sessionToken, userId: row.userId, expires: row.expires } : null;
    },
    // Returns what it deleted: Auth.js hands it to the signOut event, which audits 'Afgemeld'.
    async deleteSession(sessionToken) {
      const [row] = await db
        .delete(sessions)
        .where(eq(sessions.sessionToken, hashSessionToken(sessionToken)))
        .returning();
      return row ? { sessionToken, userId: row.userId, expires: row.expires } : null;
    },
  };
}
