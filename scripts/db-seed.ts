import { configuredTarget, openDatabase } from '@/lib/db/client';
import { runMigrations } from '@/lib/db/migrate';
import { seedDemo } from '@/lib/db/seed';
import { describeTarget } from './lib/describe-target';

// PGlite allows one process per folder: run this while the app is stopped.
const handle = openDatabase(configuredTarget());
try {
  await runMigrations(handle);
  await seedDemo(handle.db);
  console.log(`Demogegevens staan klaar in ${describeTarget(configuredTarget())}.`);
} finally {
  await handle.close();
}
