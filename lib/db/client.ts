import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { env } from '@/lib/config/env';
import { checkDatabaseSoon, setAvailabilityProbe } from './availability';
import { countingLogger } from './query-count';
import * as schema from './schema';

/** The one database type all code is written against, whichever driver is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseTarget = { url: string } | { pgliteDir: string } | { memory: true };

export type DatabaseHandle = {
  db: Db;
  driver: 'postgres' | 'pglite';
  /** The raw client, for the driver-specific migrator. */
  client: PGlite | postgres.Sql;
  /** PostgreSQL only: the connection string (the migrator opens its own single connection). */
  url?: string;
  close: () => Promise<void>;
};

/** Extensions the migrations create (PostgreSQL ships them in its standard contrib set). */
const PGLITE_EXTENSIONS = { pg_trgm };

export function openDatabase(target: DatabaseTarget, options: { countQueries?: boolean } = {}): DatabaseHandle {
  const logger = countingLogger(options.countQueries ?? false);
  if ('url' in target) {
    const client = postgres(target.url, {
      max: 10,
      onnotice: () => {},
      connect_timeout: 5,
      idle_timeout: 60,
      // A closed connection may be an idle timeout or a server gone away: a probe tells which.
      // (After an idle close the probe's own connection idles out in turn: one `select 1` a minute.)
      onclose: () => checkDatabaseSoon(),
    });
    return {
      db: drizzlePostgres(client, { schema, logger }) as unknown as Db,
      driver: 'postgres',
      client,
      url: target.url,
      close: () => client.end({ timeout: 5 }),
    };
  }
  let client: PGlite;
  if ('pgliteDir' in target) {
    mkdirSync(target.pgliteDir, { recursive: true });
    client = new PGlite(target.pgliteDir, { extensions: PGLITE_EXTENSIONS });
  } else {
    client = new PGlite({ extensions: PGLITE_EXTENSIONS });
  }
  return {
    db: drizzlePglite(client, { schema, logger }) as unknown as Db,
    driver: 'pglite',
    client,
    close: () => client.close(),
  };
}

/** Where this process's database lives, from the configuration. */
export function configuredTarget(): DatabaseTarget {
  const { DATABASE_URL, PGLITE_DIR } = env();
  return DATABASE_URL ? { url: DATABASE_URL } : { pgliteDir: PGLITE_DIR };
}

const globalForDb = globalThis as typeof globalThis & { __diplonDb?: DatabaseHandle };

/** The process-wide handle, opened on first use and kept across hot reloads. */
export function database(): DatabaseHandle {
  if (!globalForDb.__diplonDb) {
    const handle = openDatabase(configuredTarget(), {
      countQueries: process.env.DIPLON_BENCH_COUNT_QUERIES === '1' && env().APP_ENV !== 'production',
    });
    if (handle.driver === 'postgres') {
      setAvailabilityProbe(async () => {
        await handle.db.execute(sql`select 1`);
      });
    }
    globalForDb.__diplonDb = handle;
  }
  return globalForDb.__diplonDb;
}

/** Shorthand for the drizzle handle of this process. */
export function db(): Db {
  return database().db;
}
