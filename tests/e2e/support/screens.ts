import { mkdirSync } from 'node:fs';
import type { Page, TestInfo } from '@playwright/test';

/**
 * Phone-viewport screenshots of each state for docs/screens/, taken when DIPLON_SCREENS=1
 * (`DIPLON_SCREENS=1 npm run test:e2e`), so an ordinary test run leaves the tree clean.
 */
export async function screen(page: Page, testInfo: TestInfo, name: string) {
  if (testInfo.project.name !== 'phone' || process.env.DIPLON_SCREENS !== '1') return;
  mkdirSync('docs/screens', { recursive: true });
  await page.screenshot({ path: `docs/screens/${name}.png`, fullPage: false });
}
