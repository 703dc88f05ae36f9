import type { Logger } from 'drizzle-orm/logger';

/**
 * A count of the statements this process has sent to the database, kept only when the
 * benchmark asks for it (DIPLON_BENCH_COUNT_QUERIES=1 outside production): `npm run bench`
 * reads it before and after a few requests to a page, through /bench/queries, to report how
 * many round trips the page makes.
 */
const state = globalThis as typeof globalThis & { __diplonQueryCount?: { statements: number } };

export function queryCount(): number {
  return state.__diplonQueryCount?.statements ?? 0;
}

/** The drizzle logger that counts, or undefined when counting is off. */
export function countingLogger(enabled: boolean): Logger | undefined {
  if (!enabled) return undefined;
  const counter = (state.__diplonQueryCount ??= { statements: 0 });
  return {
    logQuery() {
      counter.statements++;
    },
  };
}
