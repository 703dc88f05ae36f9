export const dynamic = 'force-dynamic';

/**
 * Liveness, for a container's HEALTHCHECK or an orchestrator's restart rule: the process answers.
 * It asks nothing of the database, so an outage of the database (which /api/health, the
 * readiness check, reports as 503) never gets a healthy app process restarted.
 */
export function GET() {
  return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
}
