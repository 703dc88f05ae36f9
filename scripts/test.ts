/**
 * `npm test`: the whole suite. vitest (unit + integration on PGlite, or on PostgreSQL when
 * DATABASE_URL is set), then a production build, then Playwright against it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath } from '../tests/e2e/support/chromium';

function run(label: string, command: string, args: string[], extraEnv: Record<string, string> = {}): void {
  const started = Date.now();
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...extraEnv } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✖ ${label} faalde na ${seconds}s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${label} (${seconds}s)`);
}

const browser = chromiumPath();
if (!browser || !existsSync(browser)) {
  console.error(
    'Geen Chromium gevonden voor de browsertests.\n' +
      'Installeer Debians Chromium: `sudo apt-get install -y chromium` (of zet CHROMIUM_PATH).\n' +
      '`npx playwright install` werkt hier niet: er kan geen browser gedownload worden.',
  );
  process.exit(1);
}

const only = process.argv[2];
if (only !== 'e2e') run('vitest', 'npx', ['vitest', 'run']);
if (only !== 'unit') {
  // The build does not depend on the database, so CI's second (PostgreSQL) run may reuse it.
  if (process.env.DIPLON_REUSE_BUILD === '1' && existsSync('.next/BUILD_ID')) console.log('\n▶ next build: bestaande build hergebruikt');
  else run('next build', 'npx', ['next', 'build'], { NEXT_TELEMETRY_DISABLED: '1' });
  // DIPLON_E2E_PROJECTS=api,phone runs only those Playwright projects: CI's second run (PostgreSQL)
  // leaves out the desktop layout, which does not depend on the database driver.
  const projects = (process.env.DIPLON_E2E_PROJECTS ?? '').split(',').map((p) => p.trim()).filter(Boolean);
  run('playwright', 'npx', ['playwright', 'test', ...projects.map((p) => `--project=${p}`)]);
}
