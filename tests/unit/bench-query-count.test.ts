import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { GET } from '@/app/bench/queries/route.bench';
import { openDatabase } from '@/lib/db/client';
import { countingLogger, queryCount } from '@/lib/db/query-count';
import { productionEnvironment } from '../support/production-env';

const { enterProduction } = productionEnvironment();
const handles: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(handles.splice(0).map((h) => h.close()));
});

describe('the benchmark\'s statement count (/bench/queries)', () => {
  it('counts every statement of a database opened with counting on; off by default', async () => {
    expect(countingLogger(false)).toBeUndefined();
    const counted = openDatabase({ memory: true }, { countQueries: true });
    handles.push(counted);
    const start = queryCount();
    await counted.db.execute(sql`select 1`);
    await counted.db.execute(sql`select 2`);
    expect(queryCount() - start).toBe(2);
    const body = (await GET().json()) as { statements: number };
    expect(body.statements).toBe(queryCount());
  });

  it('does not exist in production', () => {
    enterProduction();
    expect(GET().status).toBe(404);
  });
});
