import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './tests/e2e/support/chromium';
import { E2E } from './tests/e2e/support/ports';

const launchOptions = { executablePath: chromiumPath(), args: CHROMIUM_ARGS };

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: '.data/playwright-results',
  fullyParallel: false,
  // Files run two at a time (tests inside a file stay in order); every test invites its own
  // random addresses, so two at once do not meet (checked: 44 passed with two workers).
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: { baseURL: E2E.appUrl, locale: 'nl-BE', timezoneId: 'Europe/Brussels', trace: 'off', actionTimeout: 15_000, navigationTimeout: 30_000 },
  projects: [
    // Direct HTTP calls against the server (no browser): the authorization matrix and probes.
    { name: 'api', testMatch: /\.api\.spec\.ts$/ },
    // The full invitation flow runs on the phone (where invitees are: a parent and a teacher); on the
    // desktop once, for a parent, which covers the staff side's layout.
    {
      name: 'desktop',
      // The organisation and request stories run once, on the phone (the CI budget); so does the
      // invitee's journey (journey.spec.ts), which is a phone's.
      testIgnore: [
        /\.api\.spec\.ts$/,
        /narrow\.spec\.ts$/,
        /organisation\.spec\.ts$/,
        /dossier-work\.spec\.ts$/,
        /journey\.spec\.ts$/,
        // Issue 16's journeys (languages, the invitation bound to its person): phone only.
        /invitee-language\.spec\.ts$/,
        // Issue 14's 'Koppel opnieuw' (a re-created itsme account): phone only.
        /relink\.spec\.ts$/,
        // Issue 13's invitation page before JavaScript: a phone's.
        /invite-without-js\.spec\.ts$/,
      ],
      grepInvert: /invite a (teacher|clb|care_provider):/,
      use: { ...devices['Desktop Chrome'], channel: undefined, launchOptions },
    },
    {
      name: 'phone',
      testIgnore: /\.api\.spec\.ts$/,
      // The invitation journey is one mechanism for every role: on the phone it runs for a parent
      // and a teacher (the read-only roles' representative); CLB and Zorgverstrekker differ only in
      // their labels, which the role choice of every journey shows, and in the role stored, which
      // tests/integration/invitations.test.ts covers (the CI budget: ~38 s each, per driver).
      grepInvert: /invite a (clb|care_provider):/,
      use: { ...devices['Pixel 7'], launchOptions },
    },
  ],
  webServer: {
    command: 'npx tsx tests/e2e/support/serve.ts',
    url: `${E2E.appUrl}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
