import { randomBytes } from 'node:crypto';
import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { DEMO_SCHOOLS } from '@/tooling/demo/demo-data';
import { E2E_PERSONS } from './support/actors';
import { expectAccessible } from './support/axe';
import { loginAs } from './support/login';
import { waitForMail } from './support/mailbox';
import { E2E } from './support/ports';

/**
 * 'Nodig iemand nieuw uit' before the page's JavaScript has loaded (issue 13), on the phone (this
 * file runs in the phone project only): the opener is a link to the invitation page, whose role
 * choice is links and whose Check and Verstuur are native form posts to the same server actions'
 * machinery as the dialog's.
 */
const staff = E2E_PERSONS.secondStaff;

test.describe.configure({ mode: 'parallel' });
test.use({ javaScriptEnabled: false });

/** axe runs inside the page: the same pages, checked in a second browser with JavaScript. */
async function withJavaScript(browser: Browser, testInfo: TestInfo, check: (page: Page) => Promise<void>) {
  const context = await browser.newContext({ ...testInfo.project.use, baseURL: E2E.appUrl, javaScriptEnabled: true });
  try {
    const page = await context.newPage();
    await loginAs(page, staff);
    await check(page);
  } finally {
    await context.close();
  }
}

test('without JavaScript staff invite a parent from Beheer contacten: role links, Check, Verstuur, confirmation, mail', async ({ page, browser }, testInfo) => {
  test.setTimeout(150_000);
  const local = `ouder.zonderjs.${randomBytes(4).toString('hex')}`;
  const address = `${local}@gmail.com`;

  await loginAs(page, staff);
  await page.getByRole('link', { name: 'Beheer aanvragen' }).click();
  await page.getByLabel('Zoek op naam van de leerling').fill('Tulpenveld');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await page.getByRole('link', { name: /Tulpenveld/ }).filter({ visible: true }).first().click();
  const studentName = (await page.getByRole('heading', { level: 1 }).innerText()).replace(/^Dossier van\s*/, '').trim();
  await page.getByRole('link', { name: 'Beheer contacten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Beheer contacten' })).toBeVisible();
  const contactsUrl = page.url();

  // Before hydration the opener is a link to the invitation page.
  const opened = page.waitForResponse((r) => r.url().endsWith('/contacten/uitnodigen'));
  await page.getByRole('link', { name: 'Nodig iemand nieuw uit' }).click();
  // Forms post with our Origin: the page keeps the root layout's strict-origin.
  expect((await opened).headers()['referrer-policy']).toBe('strict-origin');
  await expect(page.getByRole('heading', { level: 2, name: 'Wie wil je uitnodigen?' })).toBeVisible();
  await expect(page.getByTestId('invite-student')).toHaveText(`Voor het dossier van ${studentName}.`);
  for (const label of ['Ouder', 'Leerkracht', 'CLB', 'Zorgverstrekker', 'Annuleren']) {
    await expect(page.getByRole('link', { name: label, exact: true })).toBeVisible();
  }
  const choiceUrl = page.url();

  await page.getByRole('link', { name: 'Ouder', exact: true }).click();
  await expect(page).toHaveURL(/\?rol=ouder$/);
  const formUrl = page.url();
  await expect(page.getByRole('heading', { level: 2, name: 'Nodig een ouder uit' })).toBeVisible();
  await expect(page.getByTestId('invite-student')).toHaveText(`Voor het dossier van ${studentName}.`);
  const field = page.getByLabel('Typ e-mail van de ouder');
  const send = page.getByRole('button', { name: `Verstuur uitnodiging voor het dossier van ${studentName}` });
  await expect(send).toBeDisabled();

  // Check answers in the page: first a typo, then its suggestion with one tap.
  await field.fill(`${local}@gmial.com`);
  await page.getByLabel('Naam zoals gekend door de school').fill('Tine Tulpenveld');
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByTestId('check-result')).toContainText(`Bedoelde je ${address}?`);
  await expect(page.getByLabel('Naam zoals gekend door de school')).toHaveValue('Tine Tulpenveld');
  await expect(send).toBeDisabled();
  await page.getByRole('button', { name: `Gebruik ${address}` }).click();
  await expect(page.getByTestId('check-result')).toContainText('Het adres is in orde');
  await expect(field).toHaveValue(address);
  await expect(send).toBeEnabled();

  // Verstuur is for exactly the address that passed Check: another one in the field is refused, nothing is sent.
  await field.fill(`ander.${address}`);
  await send.click();
  await expect(page.getByTestId('check-result')).toContainText('Klik eerst op Check voor precies dit adres.');
  await expect(send).toBeDisabled();
  await field.fill(address);
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByTestId('check-result')).toContainText('Het adres is in orde');
  await expect(page.getByLabel('Taal van de uitnodiging')).toHaveValue('nl');

  await send.click();
  await expect(page).toHaveURL(new RegExp(`${contactsUrl.replace(/[.?]/g, '\\$&')}\\?uitgenodigd=[0-9a-f-]{36}$`));
  // The URL names the invitation by its id, never by its address.
  expect(page.url()).not.toContain(local);
  await expect(page.getByTestId('invite-sent')).toHaveText(`Uitnodiging verstuurd naar ${address}.`);
  const row = page.getByTestId('invitation').filter({ hasText: address });
  await expect(row).toContainText('Ouder');
  const confirmedUrl = page.url();

  const mail = await waitForMail(address);
  for (const part of [mail.html, mail.text, mail.subject]) {
    for (const name of studentName.split(' ')) expect(part).not.toContain(name);
  }
  expect(mail.text).toContain('/uitnodiging/');

  await withJavaScript(browser, testInfo, async (js) => {
    await js.goto(choiceUrl);
    await expect(js.getByRole('heading', { name: 'Wie wil je uitnodigen?' })).toBeVisible();
    await expectAccessible(js, 'invitation page: choose');
    await js.goto(formUrl);
    await js.getByLabel('Typ e-mail van de ouder').fill(`${local}@gmial.com`);
    await js.getByRole('button', { name: 'Check' }).click();
    await expect(js.getByTestId('check-result')).toContainText(`Bedoelde je ${address}?`);
    await expectAccessible(js, 'invitation page: typo');
    await js.getByRole('button', { name: `Gebruik ${address}` }).click();
    // Open already (sent above): said so, with the way to the list of open invitations.
    await expect(js.getByTestId('check-result')).toContainText('Er staat al een uitnodiging open voor dit adres');
    await expectAccessible(js, 'invitation page: open invitation');
    await js.goto(confirmedUrl);
    await expect(js.getByTestId('invite-sent')).toHaveText(`Uitnodiging verstuurd naar ${address}.`);
    await expectAccessible(js, 'contacts with the confirmation');
  });
});

test('without JavaScript centre staff invite a school manager from a school’s page', async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  const address = `directie.zonderjs.${randomBytes(4).toString('hex')}@gmail.com`;
  const school = DEMO_SCHOOLS[1];
  await loginAs(page, staff);
  await page.goto('/organisatie');
  await page.getByRole('link', { name: school.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: school.name })).toBeVisible();
  const schoolUrl = page.url();

  await page.getByRole('link', { name: 'Nodig iemand nieuw uit' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Wie wil je uitnodigen?' })).toBeVisible();
  await expect(page.getByTestId('invite-student')).toHaveText(`Voor ${school.name}.`);
  // Only the unit's own staff role is offered.
  await expect(page.getByRole('main').getByRole('listitem')).toHaveCount(1);
  await page.getByRole('link', { name: 'Schoolverantwoordelijke', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Nodig een schoolverantwoordelijke uit' })).toBeVisible();
  // Staff invitations are Dutch and not bound to a name.
  await expect(page.getByLabel('Naam zoals gekend door de school')).toHaveCount(0);
  const formUrl = page.url();
  await page.getByLabel('Typ e-mail van de schoolverantwoordelijke').fill(address);
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByTestId('check-result')).toContainText('Het adres is in orde');
  await page.getByRole('button', { name: `Verstuur uitnodiging voor ${school.name}` }).click();

  await expect(page).toHaveURL(new RegExp(`${schoolUrl}\\?uitgenodigd=[0-9a-f-]{36}$`));
  await expect(page.getByTestId('invite-sent')).toHaveText(`Uitnodiging verstuurd naar ${address}.`);
  await expect(page.getByTestId('invitation').filter({ hasText: address })).toContainText('Schoolverantwoordelijke');
  const mail = await waitForMail(address);
  expect(mail.text).toContain('Schoolverantwoordelijke');

  await withJavaScript(browser, testInfo, async (js) => {
    await js.goto(formUrl);
    await expect(js.getByRole('heading', { name: 'Nodig een schoolverantwoordelijke uit' })).toBeVisible();
    await expectAccessible(js, 'staff invitation page: form');
  });
});
