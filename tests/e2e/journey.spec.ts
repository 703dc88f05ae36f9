import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { TEST_PERSONS } from '@/tooling/demo/test-persons';
import { E2E_PERSONS, TARGET_DOSSIER } from './support/actors';
import { expectAccessible } from './support/axe';
import { inviteeContextOptions } from './support/client-address';
import { inviteOverHttp } from './support/invite-over-http';
import { loginOverHttp } from './support/http-session';
import { loginAs, registerNewPerson } from './support/login';
import { mailsTo } from './support/mailbox';
import { E2E } from './support/ports';
import { actionId, callAction } from './support/server-actions';

/**
 * The invitee's journey as a parent lives it, on a phone (this file runs in the phone project
 * only): before the page's JavaScript has loaded, back through a used link, and the detours.
 */
test.describe.configure({ mode: 'parallel' });

const nextTime = `Later open je je dossiers altijd via ${E2E.appUrl}: meld je daar aan met itsme.`;

async function expectInvitationPage(page: Page) {
  await expect(page.getByTestId('invitation-summary')).toContainText('nodigt je uit als Ouder.');
  await expect(page.getByTestId('next-time')).toContainText(nextTime);
}

test('without JavaScript a parent opens the link, signs in, accepts, and the used link leads back to the dossier', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const name = ['Noor', `Zonderjs${randomBytes(3).toString('hex')}`] as const;
  const { link, mail } = await inviteOverHttp(TEST_PERSONS.schoolManager.sub, TARGET_DOSSIER, 'parent', `${name[0]} ${name[1]}`);
  // The mail says where to log in next time.
  expect(mail.text).toContain(`Na het aanvaarden open je het dossier altijd via ${E2E.appUrl}`);

  // Every form below is submitted natively: a tap before hydration on a slow phone.
  const context = await browser.newContext({ ...inviteeContextOptions(testInfo), javaScriptEnabled: false });
  const page = await context.newPage();
  const opened = await page.goto(link);
  expect(opened?.headers()['referrer-policy']).toBe('strict-origin');
  await expectInvitationPage(page);

  await registerNewPerson(page, name[0], name[1]);
  await expect(page).toHaveURL(link);
  // The native POST carries our Origin (strict-origin, not no-referrer): no 500, the dossier.
  const accepted = page.waitForResponse((r) => r.request().method() === 'POST' && r.url() === link);
  await page.getByRole('button', { name: 'Uitnodiging aanvaarden' }).click();
  expect((await accepted).status()).toBeLessThan(400);
  const dossier = page.getByRole('heading', { level: 1, name: /^Dossier van / });
  await expect(dossier).toBeVisible();
  const dossierUrl = page.url();
  expect(dossierUrl).toBe(`${E2E.appUrl}/dossiers/${TARGET_DOSSIER}`);

  // The mail link is their only door: opened again, signed in, it goes to the dossier.
  await page.goto(link);
  await expect(page).toHaveURL(dossierUrl);

  // Signed out, it says the invitation was used and offers itsme, then the dossier.
  await page.getByRole('button', { name: 'Afmelden' }).click();
  await expect(page.getByText('Je bent afgemeld.')).toBeVisible();
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Deze uitnodiging werd al aanvaard' })).toBeVisible();
  await expect(page.getByTestId('next-time')).toContainText(nextTime);
  await expect(page.locator('main')).not.toContainText('Dossier van');
  // axe needs JavaScript: the same page, signed out, in a browser that runs it.
  const checker = await browser.newContext(inviteeContextOptions(testInfo));
  const checked = await checker.newPage();
  await checked.goto(link);
  await expect(checked.getByRole('heading', { level: 1, name: 'Deze uitnodiging werd al aanvaard' })).toBeVisible();
  await expectAccessible(checked, 'invitation used, signed out');
  await checker.close();
  await page.getByRole('button', { name: 'Aanmelden met itsme' }).click();
  await page.getByRole('button', { name: `Aanmelden als ${name[0]} ${name[1]}`, exact: true }).click();
  await expect(page).toHaveURL(dossierUrl);
  await expect(dossier).toBeVisible();
  await context.close();
});

test('detours keep the invitation: itsme cancelled then Opnieuw aanmelden, and Ben jij dit niet? Meld je dan eerst af', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const right = `Ouder${randomBytes(3).toString('hex')}`;
  const { link } = await inviteOverHttp(TEST_PERSONS.schoolManager.sub, TARGET_DOSSIER, 'parent', `Echte ${right}`);
  const context = await browser.newContext(inviteeContextOptions(testInfo));
  const page = await context.newPage();
  await page.goto(link);
  await page.getByRole('button', { name: 'Aanmelden met itsme' }).click();
  await page.getByRole('button', { name: 'Annuleren' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden is niet gelukt' })).toBeVisible();
  await expect(page.getByText('Je komt daarna terug bij je uitnodiging.')).toBeVisible();
  await expectAccessible(page, 'sign-in cancelled from an invitation');
  await page.getByRole('button', { name: 'Opnieuw aanmelden' }).click();
  // Signed in as someone who is not the invitee: back on the invitation all the same.
  await loginChoice(page, `${TEST_PERSONS.parent.givenName} ${TEST_PERSONS.parent.familyName}`);
  await expect(page).toHaveURL(link);
  await expectInvitationPage(page);
  await expect(page.getByText(`Je bent aangemeld als ${TEST_PERSONS.parent.givenName} ${TEST_PERSONS.parent.familyName}.`)).toBeVisible();

  await page.getByRole('button', { name: 'Afmelden' }).last().click();
  await expect(page).toHaveURL(`${link}?afgemeld=1`);
  await expect(page.getByText('Je bent afgemeld. Meld je aan met je eigen itsme om de uitnodiging te aanvaarden.')).toBeVisible();
  await expectInvitationPage(page);
  await expectAccessible(page, 'invitation after signing out');

  // The right person signs in here and accepts; the busy state shows while the POST is on its way.
  await registerNewPerson(page, 'Echte', right);
  await expect(page).toHaveURL(link);
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(link, async (route) => {
    if (route.request().method() === 'POST') await held;
    await route.continue();
  });
  await page.getByRole('button', { name: 'Uitnodiging aanvaarden' }).click();
  await expect(page.getByRole('button', { name: 'Bezig met aanvaarden…' })).toBeDisabled();
  release();
  await expect(page.getByRole('heading', { level: 1, name: /^Dossier van / })).toBeVisible();
  await context.close();
});

test('a parent whose access was revoked is told whom to ask, and an expired session says so', async ({ page }) => {
  await loginAs(page, E2E_PERSONS.revoked);
  await expect(page.getByRole('heading', { level: 1, name: 'Je hebt nog geen toegang' })).toBeVisible();
  await expect(page.locator('main')).toContainText('Neem contact op met de school of het leersteuncentrum dat je uitnodigde');
  await expect(page.locator('main')).not.toContainText('Open dan de link in die e-mail opnieuw');
  await expect(page.getByTestId('no-access-help')).toContainText('Mail naar');
  await expectAccessible(page, 'home without access');

  // The session ends on the server (here: a cookie that opens nothing): the next page says why.
  const [cookie] = (await page.context().cookies()).filter((c) => c.name === 'diplon.session');
  await page.context().addCookies([{ ...cookie!, value: randomBytes(32).toString('hex') }]);
  await page.goto('/mijn-dossiers');
  await expect(page.getByText('Je sessie is verlopen. Meld je opnieuw aan.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Aanmelden met itsme' })).toBeVisible();
  await expectAccessible(page, 'session expired');
});

async function loginChoice(page: Page, label: string) {
  await page.getByRole('button', { name: new RegExp(`^Aanmelden als ${label}`) }).click();
}

test('without JavaScript staff resend an invitation and revoke a contact (with its confirmation)', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  // A contact to revoke (invited and accepted over HTTP) and an open invitation to resend.
  const name = { givenName: 'Zonder', familyName: `Script${randomBytes(3).toString('hex')}` };
  const accepted = await inviteOverHttp(TEST_PERSONS.schoolManager.sub, TARGET_DOSSIER, 'parent', `${name.givenName} ${name.familyName}`);
  const invitee = await loginOverHttp(E2E.appUrl, name);
  const token = new URL(accepted.link).pathname.split('/').at(-1)!;
  await callAction(E2E.appUrl, `/uitnodiging/${token}`, actionId('app/uitnodiging/[token]/actions.ts', 'acceptInvitationAction'), [token], invitee.cookie);
  const open = await inviteOverHttp(TEST_PERSONS.schoolManager.sub, TARGET_DOSSIER);

  const context = await browser.newContext({ ...testInfo.project.use, baseURL: E2E.appUrl, javaScriptEnabled: false });
  const page = await context.newPage();
  await loginAs(page, TEST_PERSONS.schoolManager);
  await page.goto(`/dossiers/${TARGET_DOSSIER}/contacten`);

  const row = page.getByTestId('invitation').filter({ hasText: open.email });
  await row.getByRole('button', { name: 'Opnieuw versturen' }).click();
  await expect(page.getByTestId('invitation').filter({ hasText: open.email }).getByRole('status')).toContainText(
    `Uitnodiging opnieuw verstuurd naar ${open.email}.`,
  );
  await expect.poll(async () => (await mailsTo(open.email)).length, { timeout: 15_000 }).toBe(2);

  const person = `${name.givenName} ${name.familyName}`;
  const active = page.getByRole('region', { name: 'Contacten met toegang' }).getByTestId('contact').filter({ hasText: person });
  await active.getByRole('button', { name: 'Toegang intrekken' }).click();
  await expect(page).toHaveURL(/bevestig=intrekken-/);
  await expect(active).toContainText(`Toegang van ${person} (Ouder) intrekken?`);
  await active.getByRole('button', { name: 'Ja, trek in' }).click();
  await expect(page.getByRole('region', { name: 'Ingetrokken toegang' }).getByTestId('contact').filter({ hasText: person })).toBeVisible();
  await expect(active).toHaveCount(0);
  await context.close();
});
