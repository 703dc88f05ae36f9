import { mkdirSync } from 'node:fs';
import type { Page, TestInfo } from '@playwright/test';

/** Phone-viewport screenshots of each state, for docs/screens/ (the issue note points at them). */
export async function screen(page: Page, testInfo: TestInfo, name: string) {
  if (testInfo.project.name !== 'phone') return;
  mkdirSync('docs/screens', { recursive: true });
  await page.screenshot({ path: `docs/screens/${name}.png`, fullPage: false });
}
