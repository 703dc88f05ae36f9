import { env } from '@/lib/config/env';
import type { Db } from '@/lib/db/client';
import { consumeRateLimit } from '@/lib/rate-limit/consume';

/** Check and Verstuur per staff member; token lookups and accepts per client address. */
export async function limitChecks(db: Db, userId: string) {
  const { RATE_CHECKS_PER_WINDOW, RATE_WINDOW_MINUTES } = env();
  return consumeRateLimit(db, `check:${userId}`, RATE_CHECKS_PER_WINDOW, RATE_WINDOW_MINUTES * 60_000);
}

export async function limitInvites(db: Db, userId: string) {
  const { RATE_INVITES_PER_WINDOW, RATE_WINDOW_MINUTES } = env();
  return consumeRateLimit(db, `invite:${userId}`, RATE_INVITES_PER_WINDOW, RATE_WINDOW_MINUTES * 60_000);
}

export async function limitTokenLookups(db: Db, clientAddress: string) {
  return consumeRateLimit(db, `token:${clientAddress}`, env().RATE_TOKEN_LOOKUPS_PER_MINUTE, 60_000);
}

/** 'Uitnodiging aanvaarden' per client address, at the link page's rate. */
export async function limitAccepts(db: Db, clientAddress: string) {
  return consumeRateLimit(db, `accept:${clientAddress}`, env().RATE_TOKEN_LOOKUPS_PER_MINUTE, 60_000);
}

export function minutesUntil(ms: number): number {
  return Math.max(1, Math.ceil(ms / 60_000));
}
