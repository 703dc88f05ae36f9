import { expect, test } from '@playwright/test';
import { TEST_PERSONS } from '@/tooling/demo/test-persons';
import { expectAccessible } from './support/axe';
import { loginAs } from './support/login';

test('staff: Beheer aanvragen → search → dossier → Beheer contacten', async ({ page }) => {
  await loginAs(page, TEST_PERSONS.centreStaff);
  await page.getByRole('link', { name: 'Beheer aanvragen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Beheer aanvragen' })).toBeVisible();
  await expectAccessible(page, 'aanvragen');

  await page.getByLabel('Zoek op naam van de leerling').fill('willems');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page).toHaveURL(/q=willems/);
  // Only her requests remain: she has two, and the centre sees the submitted one (the other is
  // the school's 'Werkversie').
  const rows = page.getByRole('link', { name: /Willems/ }).filter({ visible: true });
  await expect(rows).toHaveCount(1);
  await expect(page.getByRole('link', { name: /Lotte Willems/ }).filter({ visible: true })).toHaveCount(1);
  await expectAccessible(page, 'aanvragen, search');
  await rows.first().click();

  await expect(page.getByRole('heading', { level: 1, name: /Lotte Willems/ })).toBeVisible();
  await expect(page.getByText('Basisschool De Linde')).toBeVisible();
  await expectAccessible(page, 'dossier');
  await page.getByRole('link', { name: 'Beheer contacten' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Beheer contacten' })).toBeVisible();
  const parent = page.getByTestId('contact').filter({ hasText: 'Koen Willems' });
  await expect(parent).toContainText('Ouder');
  await expect(page.getByRole('heading', { name: 'Medewerkers met toegang via hun functie' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Medewerkers met toegang via hun functie' }).getByText('Sofie Janssens')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nodig iemand nieuw uit' })).toBeVisible();
  await expectAccessible(page, 'contacten');
});

test('a search with no match says so, the filters narrow by status, Wis filters clears them, and paging goes both ways with a count', async ({ page }) => {
  await loginAs(page, TEST_PERSONS.centreStaff);
  await page.goto('/aanvragen?q=bestaatniet');
  await expect(page.getByText('Geen aanvragen gevonden voor deze zoekopdracht.')).toBeVisible();
  await page.goto('/aanvragen?status=completed');
  const badges = page.locator('main').getByText('Afgerond', { exact: true }).filter({ visible: true });
  await expect(badges.first()).toBeVisible();
  await expect(page.locator('main').getByText('Werkversie', { exact: true }).filter({ visible: true })).toHaveCount(0);

  // 'Wis filters' clears the form as well: the next search does not silently keep the status.
  await expect(page.getByLabel('Status')).toHaveValue('completed');
  await page.getByRole('link', { name: 'Wis filters' }).click();
  await expect(page).toHaveURL(/\/aanvragen$/);
  await expect(page.getByLabel('Status')).toHaveValue('');

  // Paging says where you are and goes both ways.
  const count = page.getByTestId('request-count');
  await expect(count).toHaveText(/^Aanvragen 1–25 van \d+$/);
  const total = Number((await count.innerText()).split(' van ')[1]);
  await expect(page.getByRole('link', { name: 'Vorige pagina' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Volgende pagina' }).click();
  await expect(count).toHaveText(`Aanvragen 26–${Math.min(50, total)} van ${total}`);
  await expectAccessible(page, 'aanvragen, second page');
  await page.getByRole('link', { name: 'Vorige pagina' }).click();
  await expect(count).toHaveText(`Aanvragen 1–25 van ${total}`);
  await expect(page.getByRole('link', { name: 'Vorige pagina' })).toHaveCount(0);
});

test('a parent sees Mijn dossiers and the child’s dossier read-only, without staff navigation', async ({ page }) => {
  await loginAs(page, TEST_PERSONS.parent);
  await expect(page).toHaveURL(/\/mijn-dossiers$/);
  await expect(page.getByRole('link', { name: 'Beheer aanvragen' })).toHaveCount(0);
  await expectAccessible(page, 'mijn dossiers');
  await page.getByRole('link', { name: /Lotte Willems/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Lotte Willems/ })).toBeVisible();
  await expect(page.getByText('Je kunt dit dossier lezen.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Logboek' })).toHaveCount(0);
  await expectAccessible(page, 'dossier as parent');
  await page.getByRole('link', { name: 'Wie kan dit dossier zien?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Wie kan dit dossier zien?' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nodig iemand nieuw uit' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Toegang intrekken' })).toHaveCount(0);
  await expectAccessible(page, 'contacts as parent');
});

test('staff see the dossier’s Logboek, newest first, including their own view', async ({ page }) => {
  await loginAs(page, TEST_PERSONS.schoolManager);
  await page.goto('/aanvragen?q=willems');
  await page.getByRole('link', { name: /Lotte Willems/ }).filter({ visible: true }).first().click();
  await page.getByRole('link', { name: 'Logboek' }).click();
  const events = page.getByRole('list', { name: 'Logboek' }).getByRole('listitem');
  // Opening the Logboek is itself recorded before the list is read, so it heads the list.
  await expect(events.first()).toContainText('Pieter Peeters');
  await expect(events.first()).toContainText('Logboek bekeken');
  // Their opening of the dossier is there too (other staff may have acted on it meanwhile).
  await expect(events.filter({ hasText: 'Dossier bekeken' }).filter({ hasText: 'Pieter Peeters' }).first()).toBeVisible();
  await expectAccessible(page, 'logboek');
});
