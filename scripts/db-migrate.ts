import './lib/load-env';
import { configuredTarget, openDatabase } from '@/lib/db/client';
import { runMigrations } from '@/lib/db/migrate';
import { describeTarget } from './lib/describe-target';

const handle = openDatabase(configuredTarget());
try {
  await runMigrations(handle);
  console.log(`Migraties toegepast op ${describeTarget(configuredTarget())}.`);
} finally {
  await handle.close();
}
