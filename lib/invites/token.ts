import { createHash, randomBytes } from 'node:crypto';

/** 32 bytes from the CSPRNG, base64url: the secret in the invitation link. */
export function newInvitationToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this is stored. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A token as it may appear in a URL: 43 base64url characters. Anything else is not looked up. */
export function isTokenShaped(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}

export function invitationLink(appUrl: string, token: string): string {
  return `${appUrl}/uitnodiging/${token}`;
}

const DAY_MS = 86_400_000;

/** When a link sent (or sent again) at `now` stops working: INVITATION_TTL_DAYS later. */
export function linkExpiresAt(now: Date, ttlDays: number): Date {
  return new Date(now.getTime() + ttlDays * DAY_MS);
}
