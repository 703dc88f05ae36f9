import { env } from '@/lib/config/env';
import { queryCount } from '@/lib/db/query-count';

/**
 * The statements this process has sent to the database so far (counted only with
 * DIPLON_BENCH_COUNT_QUERIES=1): `npm run bench` reads it around a few requests to each page.
 * A route only in the benchmark's build, and 404 there too when APP_ENV is production.
 */
export const dynamic = 'force-dynamic';

export function GET(): Response {
  if (env().APP_ENV === 'production') return new Response(null, { status: 404 });
  return Response.json({ statements: queryCount() }, { headers: { 'Cache-Control': 'no-store' } });
}
