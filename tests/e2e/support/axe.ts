import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** No WCAG 2.1 A/AA violation on the page as it is now. */
export async function expectAccessible(page: Page, context?: string) {
  // A page being refreshed (router.refresh) has its <title> re-rendered by Next's streamed
  // metadata: analyse the page once it is whole again, not in between.
  await expect.poll(() => page.title(), { message: `a title before axe (${context ?? page.url()})` }).not.toBe('');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe ${context ?? page.url()}`).toEqual([]);
}
