import { expect, test } from '@playwright/test';
import { TEST_PERSONS } from '@/tooling/demo/test-persons';
import { expectAccessible } from './support/axe';
import { loginAs, registerNewPerson } from './support/login';

test('the health route reports the database', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: 'ok' });
});

test('a protected page sends an anonymous visitor to /aanmelden and back afterwards', async ({ page }) => {
  await page.goto('/aanvragen?status=submitted');
  await expect(page).toHaveURL(/\/aanmelden\?terug=%2Faanvragen%3Fstatus%3Dsubmitted/);
  await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText('support@diplon.example');
  await expectAccessible(page, 'aanmelden');
  await page.getByRole('button', { name: 'Aanmelden met itsme' }).click();
  await expect(page.getByRole('heading', { name: 'Kies een testpersoon' })).toBeVisible();
  await expectAccessible(page, 'stand-in login page');
  await page.getByRole('button', { name: /Aanmelden als Sofie Janssens — medewerker leersteuncentrum/ }).click();
  await expect(page).toHaveURL(/\/aanvragen\?status=submitted$/);
  await expect(page.getByTestId('viewer-name')).toHaveText('Sofie Janssens');
  await expectAccessible(page, 'aanvragen');
});

test('staff log out and the old session cookie opens nothing any more', async ({ page, context, request }) => {
  await loginAs(page, TEST_PERSONS.centreStaff);
  const cookie = (await context.cookies()).find((c) => c.name.endsWith('diplon.session'));
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe('Lax');
  await page.getByRole('button', { name: 'Afmelden' }).click();
  await expect(page.getByText('Je bent afgemeld.')).toBeVisible();
  const replay = await request.get('/aanvragen', { headers: { cookie: `${cookie!.name}=${cookie!.value}` }, maxRedirects: 0 });
  expect(replay.status()).toBe(307);
  expect(replay.headers().location).toContain('/aanmelden');
});

test('a new person registers through itsme and is told there is no access yet', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/aanmelden/);
  await registerNewPerson(page, 'Nele', 'Nieuwkomer');
  await expect(page.getByRole('heading', { name: 'Je hebt nog geen toegang' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toHaveCount(0);
  await expectAccessible(page, 'no access');
});

test('cancelling at itsme ends on a Dutch error page with a way to try again', async ({ page }) => {
  await page.goto('/aanmelden');
  await page.getByRole('button', { name: 'Aanmelden met itsme' }).click();
  await page.getByRole('button', { name: 'Annuleren' }).click();
  await expect(page.getByRole('heading', { name: 'Aanmelden is niet gelukt' })).toBeVisible();
  // A button: it starts itsme again towards where the login began (no return here: home).
  await expect(page.getByRole('button', { name: 'Opnieuw aanmelden' })).toBeVisible();
  await expect(page.getByText('Je komt daarna terug bij je uitnodiging.')).toHaveCount(0);
  await expectAccessible(page, 'sign-in error');
});
