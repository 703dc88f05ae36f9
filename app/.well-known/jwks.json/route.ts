import { rpPublicJwks } from '@/lib/auth/itsme/keys';

// Keys are read per request, never at build time.
export const dynamic = 'force-dynamic';

/** Our public keys for itsme (it caches them 30 min – 24 h; rotate by publishing first). */
export function GET(): Response {
  return Response.json(rpPublicJwks(), {
    headers: { 'Cache-Control': 'public, max-age=3600' },
  });
}
