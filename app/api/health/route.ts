import { sql } from 'drizzle-orm';
import { markDatabaseUp, reportDatabaseError } from '@/lib/db/availability';
import { database } from '@/lib/db/client';

export const dynamic = 'force-dynamic';

/** Readiness: the database answers, for the load balancer: 200 or 503, no details (liveness is /api/live). */
export async function GET() {
  try {
    const handle = database();
    await handle.db.execute(sql`select 1`);
    markDatabaseUp();
    return Response.json({ status: 'ok', database: handle.driver }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    reportDatabaseError(error);
    return Response.json({ status: 'unavailable' }, { status: 503, headers: { 'Cache-Control': 'no-store' } });
  }
}
