import 'vitest';
import type { TestProject } from 'vitest/node';
import { createTestDatabase } from '../support/test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string | undefined;
  }
}

/** One fresh database for the whole run: created here, dropped at the end. */
export default async function setup(project: TestProject) {
  const database = await createTestDatabase();
  project.provide('databaseUrl', database.url);
  return async () => {
    await database.drop();
  };
}
