import NextAuth, { type NextAuthConfig } from 'next-auth';
import { recordAudit } from '@/lib/audit/record-event';
import { recordLogin } from './record-login';
import { env } from '@/lib/config/env';
import { db } from '@/lib/db/client';
import { diplonAdapter } from './adapter';
import { sessionCookieName, usesSecureCookies } from './cookies';
import { itsmeProvider } from './itsme/provider';
import { guardAuthRoute } from './guard-auth-route';
import { authRedirect } from './safe-return';
import { sessionPolicy } from './session-policy';

const nextAuth = NextAuth(() => authConfig());

/** Auth.js does the itsme dance and keeps sessions in our database; see lib/auth/viewer.ts for reading them. */
export const { signIn, signOut } = nextAuth;

/** /api/auth/*: rate-limited per address, and an itsme callback always starts a fresh session. */
export const handlers = {
  GET: guardAuthRoute(nextAuth.handlers.GET),
  POST: guardAuthRoute(nextAuth.handlers.POST),
};

/** The Auth.js configuration of this process (exported for the cookie tests). */
export function authConfig(): NextAuthConfig {
  const config = env();
  const secure = usesSecureCookies();
  const { maxAgeSeconds } = sessionPolicy();
  return {
    adapter: diplonAdapter(db()),
    providers: [itsmeProvider()],
    secret: config.AUTH_SECRET,
    trustHost: true,
    // `expires` is the absolute lifetime and is never pushed back; idle is enforced on last-seen.
    session: { strategy: 'database', maxAge: maxAgeSeconds, updateAge: maxAgeSeconds },
    useSecureCookies: secure,
    cookies: {
      sessionToken: {
        name: sessionCookieName(),
        options: { httpOnly: true, sameSite: 'lax', path: '/', secure },
      },
    },
    pages: { signIn: '/aanmelden', error: '/aanmelden/fout' },
    // Only paths on this site after signing in or out (a callbackUrl is attacker-controlled).
    callbacks: { redirect: authRedirect },
    events: {
      async signIn({ user, account, profile, isNewUser }) {
        if (!user.id || !account?.providerAccountId) return;
        const given = typeof profile?.given_name === 'string' ? profile.given_name.trim() || null : null;
        const family = typeof profile?.family_name === 'string' ? profile.family_name.trim() : '';
        await recordLogin(db(), {
          userId: user.id,
          sub: account.providerAccountId,
          givenName: given,
          familyName: family,
          isNewUser: Boolean(isNewUser),
          origin: await eventOrigin(),
        });
      },
      async signOut(message) {
        const session = 'session' in message ? message.session : null;
        if (session && 'userId' in session && session.userId) {
          await recordAudit(db(), { actorId: session.userId, action: 'logout', origin: await eventOrigin() });
        }
      },
    },
    logger: {
      error(error) {
        const type = (error as { type?: string }).type ?? error.name;
        const cause = (error as { cause?: { err?: Error } & Error }).cause;
        const detail = cause?.err?.message ?? cause?.message ?? '';
        console.error(`[auth] ${type}: ${(detail.split('\n')[0] ?? '').slice(0, 200)}`);
        void eventOrigin()
          .then((origin) => recordAudit(db(), { actorId: null, action: 'login_failed', details: { type }, origin }))
          .catch(() => {});
      },
      // Auth.js warnings (a debug setting, an experimental feature, a CSRF check off) are
      // configuration problems someone must see: logged, never silenced.
      warn(code) {
        console.warn(`[auth] warning: ${code}`);
      },
    },
  };
}

/**
 * Where the request behind an Auth.js event came from (the callback route for a login, the
 * 'Afmelden' action for a logout): the same address the rate limits use. Null outside a request.
 */
async function eventOrigin(): Promise<string | null> {
  try {
    const { requestOrigin } = await import('./viewer');
    return await requestOrigin();
  } catch {
    return null;
  }
}
