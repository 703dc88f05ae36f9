import type { DatabaseTarget } from '@/lib/db/client';

/** A target for messages, without credentials. */
export function describeTarget(target: DatabaseTarget): string {
  if ('url' in target) {
    const url = new URL(target.url);
    return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`;
  }
  return 'pgliteDir' in target ? `PGlite ${target.pgliteDir}` : 'PGlite (in het geheugen)';
}
