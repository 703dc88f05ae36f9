import { env } from '@/lib/config/env';

/** Idle timeout and absolute lifetime of a session, from configuration. */
export function sessionPolicy() {
  const { SESSION_IDLE_MINUTES, SESSION_MAX_HOURS } = env();
  return { idleMs: SESSION_IDLE_MINUTES * 60_000, maxAgeSeconds: SESSION_MAX_HOURS * 3600 };
}

/** Last-seen is written at most this often, so a busy page does not write on every request. */
export const TOUCH_INTERVAL_MS = 60_000;

export function isSessionLive(session: { expires: Date; lastSeenAt: Date }, now = new Date()): boolean {
  return session.expires > now && now.getTime() - session.lastSeenAt.getTime() < sessionPolicy().idleMs;
}
