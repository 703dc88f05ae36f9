import { createHmac, timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/config/env';

/** How long a passed Check stays good for Verstuur. */
const CHECK_TTL_MS = 30 * 60_000;

type CheckClaim = { target: string; userId: string; role: string; emailKey: string };

function mac(payload: string): string {
  return createHmac('sha256', `${env().AUTH_SECRET}:invite-check`).update(payload).digest('base64url');
}

/**
 * Proof that this staff member's Check passed for exactly this address, role and target (a dossier or a unit).
 * Verstuur refuses without it, so a send can never skip the check (or swap the address).
 */
export function issueCheckToken(claim: CheckClaim, now = Date.now()): string {
  const expires = now + CHECK_TTL_MS;
  const payload = `${expires}.${claim.target}.${claim.userId}.${claim.role}.${claim.emailKey}`;
  return `${expires}.${mac(payload)}`;
}

export function verifyCheckToken(token: unknown, claim: CheckClaim, now = Date.now()): boolean {
  if (typeof token !== 'string' || token.length > 200) return false;
  const [expiresText, signature] = token.split('.');
  const expires = Number(expiresText);
  if (!signature || !Number.isFinite(expires) || expires < now) return false;
  const expected = mac(`${expires}.${claim.target}.${claim.userId}.${claim.role}.${claim.emailKey}`);
  const a = Buffer.from(signature);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
