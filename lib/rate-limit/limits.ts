import { env } from '@/lib/config/env';
import type { Db } from '@/lib/db/client';
import { consumeRateLimit, type RateLimitResult } from './consume';

/** The work each person may do only so often per RATE_WINDOW_MINUTES, and the setting that says how often. */
const LIMITS = {
  download: 'RATE_DOWNLOADS_PER_WINDOW',
  relink_search: 'RATE_RELINK_SEARCHES_PER_WINDOW',
  relink: 'RATE_RELINKS_PER_WINDOW',
  request: 'RATE_REQUESTS_PER_WINDOW',
  upload: 'RATE_UPLOADS_PER_WINDOW',
} as const;

export type LimitedWork = keyof typeof LIMITS;

/**
 * Counts `count` attempts of this work by this person (one atomic upsert each, so it holds
 * across instances) and says whether the last was still allowed.
 */
export async function limitWork(db: Db, work: LimitedWork, userId: string, count = 1): Promise<RateLimitResult> {
  const config = env();
  let result: RateLimitResult = { allowed: true, remaining: config[LIMITS[work]], retryAfterMs: 0 };
  for (let i = 0; i < Math.max(1, count); i++) {
    result = await consumeRateLimit(db, `${work}:${userId}`, config[LIMITS[work]], config.RATE_WINDOW_MINUTES * 60_000);
  }
  return result;
}
