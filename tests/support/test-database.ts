import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** Tests touch only a database on this machine; anything else is refused before connecting. */
export function assertLocalDatabase(url: string): URL {
  const parsed = new URL(url);
  if (!LOCAL_HOSTS.has(parsed.hostname)) {
    throw new Error(`Tests weigeren een niet-lokale database (${parsed.hostname}).`);
  }
  return parsed;
}

export type TestDatabase = { url: string | undefined; drop: () => Promise<void> };

/**
 * With DATABASE_URL set: a new, uniquely named database on that (local) server, dropped
 * afterwards. Without it: undefined, and each test process uses in-memory PGlite.
 */
export async function createTestDatabase(baseUrl = process.env.DATABASE_URL): Promise<TestDatabase> {
  if (!baseUrl) return { url: undefined, drop: async () => {} };
  const base = assertLocalDatabase(baseUrl);
  const name = `diplon_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(base.toString(), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const conn = postgres(base.toString(), { max: 1, onnotice: () => {} });
      try {
        await conn.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await conn.end();
      }
    },
  };
}
