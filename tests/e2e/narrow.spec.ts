import { expect, test, type Page } from '@playwright/test';
import { TEST_PERSONS } from '@/tooling/demo/test-persons';
import { E2E_PERSONS, TARGET_DOSSIER, TARGET_DRAFT } from './support/actors';
import { loginAs } from './support/login';

/**
 * Every page at 360 px wide (the narrowest phones in use): nothing wider than the screen, so
 * nothing needs sideways scrolling. Runs in the phone project only (see playwright.config.ts), at 360 × 740.
 */
test.use({ viewport: { width: 360, height: 740 } });

async function expectFits(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator('main')).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${path} is ${width}px wide`).toBeLessThanOrEqual(360);
}

test('anonymous pages fit 360 px', async ({ page }) => {
  for (const path of ['/aanmelden', '/aanmelden/fout', '/uitnodiging/onbekend-of-verlopen-token-aaaaaaaaaaaaaaaaaaaaaaa']) {
    await expectFits(page, path);
  }
});

test('staff pages, and the invite dialog, fit 360 px', async ({ page }) => {
  await loginAs(page, TEST_PERSONS.centreStaff);
  for (const path of ['/aanvragen', '/aanvragen?q=willems', `/dossiers/${TARGET_DOSSIER}`, `/dossiers/${TARGET_DOSSIER}/logboek`, `/dossiers/${TARGET_DOSSIER}/contacten`]) {
    await expectFits(page, path);
  }
  await page.getByRole('button', { name: 'Nodig iemand nieuw uit' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ouder' }).click();
  await page.getByRole('dialog').getByLabel('Typ e-mail van de ouder').fill('een.heel.lang.adres.van.een.ouder.met.veel.letters@een-lang-domein.be');
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByTestId('check-result')).toBeVisible();
  const box = await page.getByRole('dialog').boundingBox();
  expect(box!.width).toBeLessThanOrEqual(360);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test('a parent’s pages fit 360 px', async ({ page }) => {
  await loginAs(page, TEST_PERSONS.parent);
  for (const path of ['/mijn-dossiers', `/dossiers/${TARGET_DOSSIER}`]) await expectFits(page, path);
});

test('a school manager’s Nieuwe aanvraag, Werkversie bewerken and the centre’s open entry form fit 360 px', async ({ page }) => {
  await loginAs(page, TEST_PERSONS.schoolManager);
  for (const path of ['/aanvragen/nieuw', '/aanvragen/nieuw?q=olijfhout', `/dossiers/${TARGET_DOSSIER}`, `/dossiers/${TARGET_DOSSIER}/werkversie/${TARGET_DRAFT}`]) {
    await expectFits(page, path);
  }
  await page.goto('/aanvragen/nieuw');
  await page.getByRole('radio', { name: 'Een nieuwe leerling' }).check();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.context().clearCookies();
  await loginAs(page, TEST_PERSONS.centreStaff);
  await expectFits(page, `/dossiers/${TARGET_DOSSIER}`);
  await page.getByText('Nieuw verslag of notitie').click();
  await expect(page.getByLabel('Titel').first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test('an invitee’s pages fit 360 px in French and English (longer words, the language links in the header)', async ({ page, context }) => {
  // The person awaiting confirmation: the cookie is their language (their account has none).
  await loginAs(page, E2E_PERSONS.awaiting);
  for (const locale of ['fr', 'en']) {
    await context.addCookies([{ name: 'diplon.taal', value: locale, url: new URL('/', page.url()).href }]);
    for (const path of ['/mijn-dossiers', '/aanmelden/fout', '/uitnodiging/onbekend-of-verlopen-token-aaaaaaaaaaaaaaaaaaaaaaa']) {
      await expectFits(page, path);
      await expect(page.locator('html')).toHaveAttribute('lang', locale === 'fr' ? 'fr-BE' : 'en-GB');
    }
  }
});
