import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { TEST_PERSONS, type TestPerson } from '@/tooling/demo/test-persons';
import { E2E_PERSONS, OTHER_DOSSIER } from './support/actors';
import { expectAccessible } from './support/axe';
import { inviteeContextOptions } from './support/client-address';
import { loginAs, registerNewPerson } from './support/login';
import { E2E } from './support/ports';

/**
 * Issue 14: a parent deletes and re-creates their itsme account. itsme gives the new account a
 * new `sub` with the same names, which is what the stand-in's "Nieuwe persoon" makes; Diplon sees
 * a stranger without access. The centre does 'Koppel opnieuw' and the parent sees their child's
 * dossier again. On a 360 px phone, axe-checked; the second run does the staff side without JavaScript.
 */
test.use({ viewport: { width: 360, height: 740 } });

const nameOf = (p: TestPerson) => `${p.givenName} ${p.familyName}`;

/** The parent, in their own browser, logs in with the re-created account and has no access. */
async function recreateAccount(browser: Browser, testInfo: TestInfo, parent: TestPerson) {
  const context = await browser.newContext(inviteeContextOptions(testInfo));
  const page = await context.newPage();
  await page.goto(`${E2E.appUrl}/aanmelden`);
  await registerNewPerson(page, parent.givenName, parent.familyName);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByTestId('no-access-recreated')).toContainText('Vraag het leersteuncentrum om je opnieuw te koppelen');
  await page.goto(`${E2E.appUrl}/mijn-dossiers`);
  await expect(page.getByRole('link', { name: /Herkoppel|Zonderscript/ })).toHaveCount(0);
  await expect(page.locator(`a[href="/dossiers/${OTHER_DOSSIER}"]`)).toHaveCount(0);
  return page;
}

/** Staff: from 'Beheer organisatie' to the confirmation naming both persons. */
async function pickBoth(page: Page, parent: TestPerson, checkAxe: boolean) {
  await page.goto('/organisatie');
  await page.getByRole('link', { name: 'Koppel opnieuw' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Koppel opnieuw' })).toBeVisible();
  if (checkAxe) await expectAccessible(page, 'Koppel opnieuw: start');
  await page.getByRole('searchbox', { name: 'Naam' }).fill(parent.familyName.toLowerCase());
  await page.getByRole('button', { name: 'Zoeken' }).click();
  const match = page.getByTestId('relink-match');
  await expect(match).toHaveCount(1);
  await expect(match).toContainText('Ouder');
  await match.getByRole('link', { name: `Kies ${nameOf(parent)}` }).click();
  // Only the re-created account: same family name, registered later, no access.
  const candidate = page.getByTestId('relink-candidate');
  await expect(candidate).toHaveCount(1);
  await expect(candidate).toContainText('Voor het eerst aangemeld');
  if (checkAxe) await expectAccessible(page, 'Koppel opnieuw: pick the new account');
  await candidate.getByRole('link').click();
  await expect(page.getByTestId('relink-confirm-known')).toContainText(nameOf(parent));
  await expect(page.getByTestId('relink-confirm-known')).toContainText('Laatst aangemeld: nog nooit');
  await expect(page.getByTestId('relink-confirm-new')).toContainText('Nieuwe itsme-account');
  await expect(page.getByTestId('relink-confirm-new')).toContainText(nameOf(parent));
  await expect(page.getByTestId('relink-confirm-new')).toContainText('Laatst aangemeld');
  if (checkAxe) await expectAccessible(page, 'Koppel opnieuw: confirm');
  await page.getByRole('button', { name: 'Koppel opnieuw' }).click();
  const question = page.getByRole('group', { name: 'Koppel opnieuw' });
  await expect(question).toContainText(`De toegang van ${nameOf(parent)} (voor het eerst aangemeld op`);
  await expect(question).toContainText('Beiden worden afgemeld.');
  if (checkAxe) await expectAccessible(page, 'Koppel opnieuw: question');
  await question.getByRole('button', { name: 'Ja, koppel opnieuw' }).click();
  await expect(page.getByTestId('relink-done')).toHaveText(
    `${nameOf(parent)} meldt zich voortaan aan met de nieuwe itsme-account en heeft alle toegang van vroeger.`,
  );
  await expect(page.getByTestId('relink-history').filter({ hasText: nameOf(parent) })).toContainText('gekoppeld door Sofie Janssens');
}

/** The parent logs in again with the new account (their session ended) and sees their child's dossier. */
async function parentSeesDossier(page: Page, parent: TestPerson) {
  await page.goto(`${E2E.appUrl}/mijn-dossiers`);
  await expect(page).toHaveURL(/\/aanmelden/);
  await page.getByRole('button', { name: 'Aanmelden met itsme' }).click();
  // The stand-in lists the old account (kept by itsme's stand-in, not by Diplon) and the new one.
  await page.locator(`button[name="sub"]:not([value="${parent.sub}"])`, { hasText: `Aanmelden als ${nameOf(parent)}` }).last().click();
  await expect(page.getByTestId('viewer-name')).toHaveText(nameOf(parent));
  await page.goto(`${E2E.appUrl}/mijn-dossiers`);
  await expect(page.locator(`a[href="/dossiers/${OTHER_DOSSIER}"]`)).toContainText('Ouder');
  await page.locator(`a[href="/dossiers/${OTHER_DOSSIER}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/dossiers/${OTHER_DOSSIER}$`));
}

test('a re-created itsme account: no access, the centre does Koppel opnieuw, the parent sees the dossier again', async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  const parent = E2E_PERSONS.relinkParent;
  const parentPage = await recreateAccount(browser, testInfo, parent);
  await expectAccessible(parentPage, 'a re-created account without access');

  await loginAs(page, TEST_PERSONS.centreStaff, '/aanmelden?terug=/organisatie');
  await expect(page.getByRole('heading', { name: 'Koppel opnieuw' })).toBeVisible();
  await pickBoth(page, parent, true);
  await expectAccessible(page, 'Koppel opnieuw: done');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await parentSeesDossier(parentPage, parent);
  await expectAccessible(parentPage, 'the parent’s dossier after Koppel opnieuw');

  // The dossier's logbook names who did it, the person, and the account they took over.
  await page.goto(`/dossiers/${OTHER_DOSSIER}/logboek?soort=access`);
  const event = page.getByTestId('audit-event').filter({ hasText: 'Opnieuw gekoppeld aan een nieuwe itsme-account' }).filter({ hasText: nameOf(parent) });
  await expect(event).toHaveCount(1);
  await expect(event).toContainText('Sofie Janssens');
  await expect(event.getByTestId('relinked-from')).toContainText(`nieuwe itsme-account van ${nameOf(parent)}, voor het eerst aangemeld op`);
  await expectAccessible(page, 'logbook with a relink');
  await parentPage.context().close();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('Koppel opnieuw: search, pick, confirm and the post work before any script runs', async ({ page, browser }, testInfo) => {
    test.setTimeout(120_000);
    const parent = E2E_PERSONS.relinkParentNoScript;
    const parentPage = await recreateAccount(browser, testInfo, parent);
    await loginAs(page, TEST_PERSONS.centreStaff);
    await pickBoth(page, parent, false);
    await expect(page).toHaveURL(/\/organisatie\/koppel-opnieuw\?/);
    await parentSeesDossier(parentPage, parent);
    await parentPage.context().close();
  });
});
