import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { rowsOf } from '@/lib/db/rows';

export type RateLimitResult = { allowed: boolean; remaining: number; retryAfterMs: number };

/**
 * Counts one attempt against `key` in a fixed window, atomically in the database so the limit
 * holds across app instances. A new window starts when the old one has run out.
 */
export async function consumeRateLimit(
  db: Db,
  key: string,
  limit: number,
  windowMs: number,
  now = new Date(),
): Promise<RateLimitResult> {
  // postgres.js does not serialise Date parameters in raw SQL; ISO text with a cast works on both drivers.
  const at = now.toISOString();
  const cutoff = new Date(now.getTime() - windowMs).toISOString();
  const result = await db.execute<{ count: number; window_start: string | Date }>(sql`
    insert into rate_limit_buckets (key, window_start, count)
    values (${key}, ${at}::timestamptz, 1)
    on conflict (key) do update set
      count = case when rate_limit_buckets.window_start <= ${cutoff}::timestamptz then 1 else rate_limit_buckets.count + 1 end,
      window_start = case when rate_limit_buckets.window_start <= ${cutoff}::timestamptz then ${at}::timestamptz else rate_limit_buckets.window_start end
    returning count, window_start
  `);
  const row = rowsOf<{ count: number; window_start: string | Date }>(result)[0]!;
  const started = new Date(row.window_start).getTime();
  const allowed = row.count <= limit;
  return {
    allowed,
    remaining: Math.max(0, limit - row.count),
    retryAfterMs: allowed ? 0 : Math.max(0, started + windowMs - now.getTime()),
  };
}
