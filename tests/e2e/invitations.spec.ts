import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { TEST_PERSONS } from '@/tooling/demo/test-persons';
import { E2E_PERSONS } from './support/actors';
import { expectAccessible } from './support/axe';
import { inviteeContextOptions } from './support/client-address';
import { loginAs, registerNewPerson } from './support/login';
import { invitationLinkIn, mailsTo, waitForMail } from './support/mailbox';
import { E2E } from './support/ports';
import { screen } from './support/screens';

const ROLES = [
  { code: 'parent', label: 'Ouder', title: 'Nodig een ouder uit', field: 'Typ e-mail van de ouder', family: 'Sneeuwklok' },
  { code: 'teacher', label: 'Leerkracht', title: 'Nodig een leerkracht uit', field: 'Typ e-mail van de leerkracht', family: 'Inktvis' },
  { code: 'clb', label: 'CLB', title: 'Nodig een CLB-medewerker uit', field: 'Typ e-mail van de CLB-medewerker', family: 'Cijferman' },
  { code: 'care_provider', label: 'Zorgverstrekker', title: 'Nodig een zorgverstrekker uit', field: 'Typ e-mail van de zorgverstrekker', family: 'Rietkraag' },
] as const;

const staff = TEST_PERSONS.centreStaff;

// Every test here logs in by itself, invites its own random addresses and opens links from a
// client address of its own, so the two workers may share this file's tests.
test.describe.configure({ mode: 'parallel' });

/** Beheer aanvragen → search → the first matching dossier → Beheer contacten; gives the student's name. */
async function openContacts(page: Page, familyName: string): Promise<string> {
  await page.getByRole('link', { name: 'Beheer aanvragen' }).click();
  await page.getByLabel('Zoek op naam van de leerling').fill(familyName);
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await page.getByRole('link', { name: new RegExp(familyName) }).filter({ visible: true }).first().click();
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toContainText(familyName);
  const studentName = (await heading.innerText()).replace(/^Dossier van\s*/, '').trim();
  await page.getByRole('link', { name: 'Beheer contacten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Beheer contacten' })).toBeVisible();
  return studentName;
}

for (const role of ROLES) {
  test(`invite a ${role.code}: Check with a typo, Verstuur, mail, itsme registration, accept, revoke`, async ({ page, browser }, testInfo) => {
    test.setTimeout(150_000);
    const local = `${role.code.replace('_', '.')}.${randomBytes(4).toString('hex')}`;
    const address = `${local}@gmail.com`;
    const newName = ['Nieuw', `Persoon${randomBytes(3).toString('hex')}`] as const;

    await loginAs(page, staff);
    const studentName = await openContacts(page, role.family);
    const opener = page.getByRole('button', { name: 'Nodig iemand nieuw uit' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Wie wil je uitnodigen?' });
    await expect(dialog).toBeVisible();
    // On a phone the dialog covers the page that names the student: the dialog names them itself.
    await expect(dialog.getByTestId('invite-student')).toHaveText(`Voor het dossier van ${studentName}.`);
    for (const label of ['Ouder', 'Leerkracht', 'CLB', 'Zorgverstrekker', 'Annuleren']) {
      await expect(dialog.getByRole('button', { name: label, exact: true })).toBeVisible();
    }
    await expectAccessible(page, 'dialog: choose');
    await screen(page, testInfo, 'dialog-1-choose');

    await dialog.getByRole('button', { name: role.label, exact: true }).click();
    const form = page.getByRole('dialog', { name: role.title });
    await expect(form.getByText('Wegens de gevoeligheid van de informatie, dient u het exacte adres te kennen.')).toBeVisible();
    const field = form.getByLabel(role.field);
    await expect(field).toHaveAttribute('type', 'email');
    await expect(field).toHaveAttribute('autocomplete', 'email');
    await expect(field).toHaveAttribute('inputmode', 'email');
    await expect(form.getByTestId('invite-student')).toHaveText(`Voor het dossier van ${studentName}.`);
    const send = form.getByRole('button', { name: `Verstuur uitnodiging voor het dossier van ${studentName}` });
    await expect(send).toBeDisabled();
    await expectAccessible(page, 'dialog: form');
    await screen(page, testInfo, `dialog-2-form-${role.code}`);

    await field.fill(`${local}@gmial.com`);
    await form.getByRole('button', { name: 'Check' }).click();
    await expect(form.getByTestId('check-result')).toContainText(`Bedoelde je ${address}?`);
    await expect(send).toBeDisabled();
    await expectAccessible(page, 'dialog: typo');
    await screen(page, testInfo, 'dialog-3-typo');

    await form.getByRole('button', { name: `Gebruik ${address}` }).click();
    await expect(form.getByTestId('check-result')).toContainText('Het adres is in orde');
    await expect(field).toHaveValue(address);
    await expect(send).toBeEnabled();
    await expectAccessible(page, 'dialog: checked');
    await screen(page, testInfo, 'dialog-4-checked');

    // Verstuur follows the field: any other value than the checked one disables it.
    await field.press('End');
    await field.press('x');
    await expect(send).toBeDisabled();
    await field.press('Backspace');
    await expect(field).toHaveValue(address);
    await expect(send).toBeEnabled();
    await field.fill(`ander.${address}`);
    await expect(send).toBeDisabled();
    await field.fill(address);
    await form.getByRole('button', { name: 'Check' }).click();
    await expect(form.getByTestId('check-result')).toContainText('Het adres is in orde');
    await expect(send).toBeEnabled();
    // The name the school knows: itsme will confirm the same one, so access follows at once.
    await form.getByLabel('Naam zoals gekend door de school').fill(`${newName[1]} ${newName[0]}`);
    await expect(form.getByLabel('Taal van de uitnodiging')).toHaveValue('nl');

    await send.click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByTestId('page-status')).toContainText(`Uitnodiging verstuurd naar ${address}.`);
    await expect(opener).toBeFocused();
    const row = page.getByTestId('invitation').filter({ hasText: address });
    await expect(row).toContainText(role.label);

    const mail = await waitForMail(address);
    for (const part of [mail.html, mail.text, mail.subject]) {
      for (const name of studentName.split(' ')) expect(part).not.toContain(name);
    }
    expect(mail.text).toContain('itsme');
    const link = invitationLinkIn(mail);
    // The capture has it, so the outbox marks it sent within moments: the page follows without a reload.
    await expect(row.getByTestId('delivery')).toHaveText('Verzonden', { timeout: 15_000 });
    // Checked once the page has refreshed itself for that state, not while it re-renders.
    await expectAccessible(page, 'contacts with an open invitation');

    // The invitee, in a browser of their own.
    const invitee = await browser.newContext(inviteeContextOptions(testInfo));
    const their = await invitee.newPage();
    const opened = await their.goto(link);
    expect(opened?.headers()['referrer-policy']).toBe('strict-origin');
    expect(opened?.headers()['cache-control']).toContain('no-store');
    await expect(their.getByTestId('invitation-summary')).toHaveText(
      `${staff.givenName} ${staff.familyName} van Leersteuncentrum De Regenboog (demo) nodigt je uit als ${role.label}.`,
    );
    await expect(their.locator('main')).not.toContainText(role.family);
    await expectAccessible(their, 'invitation: anonymous');
    await screen(their, testInfo, 'invitation-1-anonymous');

    await registerNewPerson(their, newName[0], newName[1]);
    await expect(their).toHaveURL(link);
    await expect(their.getByRole('button', { name: 'Uitnodiging aanvaarden' })).toBeVisible();
    await expectAccessible(their, 'invitation: signed in');
    await screen(their, testInfo, 'invitation-2-signed-in');
    await their.getByRole('button', { name: 'Uitnodiging aanvaarden' }).click();
    await expect(their.getByRole('heading', { level: 1, name: new RegExp(studentName) })).toBeVisible();
    const dossierUrl = their.url();
    await their.getByRole('link', { name: 'Mijn dossiers' }).click();
    await expect(their.getByRole('link', { name: new RegExp(studentName) })).toBeVisible();

    const notice = await waitForMail(staff.email, (m) => m.text.includes(`${newName[0]} ${newName[1]}`));
    expect(notice.text).toContain(address);
    expect(notice.text).not.toContain(role.family);

    // Used, the link is the acceptor's way back to the dossier (journey.spec.ts: signed out too).
    await their.goto(link);
    await expect(their).toHaveURL(dossierUrl);

    // Check now knows this address (it accepted an invitation to this dossier) and Verstuur stays off.
    await page.reload();
    await opener.click();
    await page.getByRole('button', { name: role.label, exact: true }).click();
    const again = page.getByRole('dialog', { name: role.title });
    await again.getByLabel(role.field).fill(address.toUpperCase());
    await again.getByRole('button', { name: 'Check' }).click();
    await expect(again.getByTestId('check-result')).toContainText(`Dit adres heeft al toegang tot dit dossier als ${role.label}.`);
    await expect(again.getByRole('button', { name: 'Verstuur' })).toBeDisabled();
    await expectAccessible(page, 'dialog: has access');
    await screen(page, testInfo, 'dialog-6-has-access');
    await again.getByRole('button', { name: 'Annuleren' }).click();

    // Staff revoke; the contact's very next request is a 404.
    await page.reload();
    const contact = page.getByTestId('contact').filter({ hasText: `${newName[0]} ${newName[1]}` });
    await expect(contact).toContainText(role.label);
    await contact.getByRole('button', { name: 'Toegang intrekken' }).click();
    await contact.getByRole('button', { name: 'Ja, trek in' }).click();
    // The outcome shows where the action was taken (on a phone, far below the page's top).
    const revoked = page.getByRole('region', { name: 'Contacten met toegang' }).getByTestId('section-status');
    await expect(revoked).toContainText(`De toegang van ${newName[0]} ${newName[1]} is ingetrokken.`);
    await expect(revoked).toBeInViewport();
    await expect(revoked).toBeFocused();
    const after = await their.goto(dossierUrl);
    expect(after?.status()).toBe(404);
    await invitee.close();
  });
}

test('the dialog: Esc and Annuleren close it and focus returns to the button', async ({ page }) => {
  await loginAs(page, staff);
  await openContacts(page, 'Willems');
  const opener = page.getByRole('button', { name: 'Nodig iemand nieuw uit' });
  await opener.click();
  await expect(page.getByRole('dialog', { name: 'Wie wil je uitnodigen?' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ouder', exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(opener).toBeFocused();

  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Leerkracht', exact: true }).click();
  const form = page.getByRole('dialog', { name: 'Nodig een leerkracht uit' });
  await expect(form.getByLabel('Typ e-mail van de leerkracht')).toBeFocused();
  await form.getByLabel('Typ e-mail van de leerkracht').fill('geen-adres');
  await form.getByRole('button', { name: 'Check' }).click();
  await expect(form.getByText('Een e-mailadres bevat één @')).toBeVisible();
  await expectAccessible(page, 'dialog: invalid');
  await form.getByRole('button', { name: 'Annuleren' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(opener).toBeFocused();
});

test('an open Ouder invitation: Check as Leerkracht offers to cancel it and invite in the new role; the form leads back to the role choice', async ({ page }) => {
  const address = `rol.${randomBytes(4).toString('hex')}@telenet.be`;
  await loginAs(page, E2E_PERSONS.secondStaff);
  const studentName = await openContacts(page, 'Willems');
  const opener = page.getByRole('button', { name: 'Nodig iemand nieuw uit' });
  const sendFor = `Verstuur uitnodiging voor het dossier van ${studentName}`;
  await opener.click();
  await page.getByRole('button', { name: 'Ouder', exact: true }).click();
  const parentForm = page.getByRole('dialog', { name: 'Nodig een ouder uit' });
  await parentForm.getByLabel('Typ e-mail van de ouder').fill(address);
  await parentForm.getByRole('button', { name: 'Check' }).click();
  await expect(parentForm.getByTestId('check-result')).toContainText('Het adres is in orde');
  await parentForm.getByRole('button', { name: sendFor }).click();
  await expect(page.getByTestId('page-status')).toContainText(`Uitnodiging verstuurd naar ${address}.`);

  // The wrong role chosen: back to "Wie wil je uitnodigen?" without closing the dialog.
  await opener.click();
  await page.getByRole('button', { name: 'Ouder', exact: true }).click();
  await page.getByRole('dialog', { name: 'Nodig een ouder uit' }).getByRole('button', { name: 'Terug naar: Wie wil je uitnodigen?' }).click();
  await expect(page.getByRole('dialog', { name: 'Wie wil je uitnodigen?' })).toBeVisible();
  await page.getByRole('button', { name: 'Leerkracht', exact: true }).click();
  const form = page.getByRole('dialog', { name: 'Nodig een leerkracht uit' });
  await form.getByLabel('Typ e-mail van de leerkracht').fill(address);
  // 'Bezig met controleren…' while Check is on its way (held here until seen).
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/contacten', async (route) => {
    if (route.request().method() === 'POST' && (route.request().postData() ?? '').includes('"role":"teacher"')) await held;
    await route.continue();
  });
  await form.getByRole('button', { name: 'Check' }).click();
  await expect(form.getByRole('button', { name: 'Bezig met controleren…' })).toBeDisabled();
  release();
  await expect(form.getByTestId('check-result')).toContainText('Er staat al een uitnodiging open voor dit adres (Ouder).');
  await expectAccessible(page, 'dialog: open invitation in another role');
  await form.getByRole('button', { name: 'Annuleer die uitnodiging en nodig uit als Leerkracht' }).click();
  await expect(form.getByTestId('check-result')).toContainText('Het adres is in orde');
  await form.getByRole('button', { name: sendFor }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const rows = page.getByTestId('invitation').filter({ hasText: address });
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('Leerkracht');
  await expect(rows).not.toContainText('Ouder');
});

test('Check tells an invalid address, and takes no itsme e-mail for access', async ({ page }, testInfo) => {
  await loginAs(page, staff);
  await openContacts(page, 'Willems');
  await page.getByRole('button', { name: 'Nodig iemand nieuw uit' }).click();
  await page.getByRole('button', { name: 'Ouder', exact: true }).click();
  const form = page.getByRole('dialog', { name: 'Nodig een ouder uit' });
  await form.getByLabel('Typ e-mail van de ouder').fill('jan.peeters@telenet');
  await form.getByRole('button', { name: 'Check' }).click();
  await expect(form.getByText('Het deel na de @ is geen geldig domein, bijvoorbeeld voorbeeld.be.')).toBeVisible();
  await expect(form.getByLabel('Typ e-mail van de ouder')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('button', { name: 'Verstuur' })).toBeDisabled();
  await expectAccessible(page, 'dialog: invalid address');
  await screen(page, testInfo, 'dialog-5-invalid');
  // The seeded parent gave itsme this contact address, but itsme does not verify e-mail: it
  // proves nothing and does not count as access (only invitation addresses do).
  await form.getByLabel('Typ e-mail van de ouder').fill(TEST_PERSONS.parent.email.toUpperCase());
  await form.getByRole('button', { name: 'Check' }).click();
  await expect(form.getByTestId('check-result')).toContainText('Het adres is in orde');
  await expect(form.getByTestId('check-result')).not.toContainText('heeft al toegang');
  expect(await mailsTo(TEST_PERSONS.parent.email)).toEqual([]);
});

test('an open invitation: Check offers to send it again, the old link dies; cancelled while the invitee looks, accepting fails plainly', async ({ page, browser }, testInfo) => {
  const address = `open.${randomBytes(4).toString('hex')}@telenet.be`;
  await loginAs(page, E2E_PERSONS.secondStaff);
  await openContacts(page, 'Willems');
  const opener = page.getByRole('button', { name: 'Nodig iemand nieuw uit' });
  const inviteParent = async () => {
    await opener.click();
    await page.getByRole('button', { name: 'Ouder', exact: true }).click();
    const form = page.getByRole('dialog', { name: 'Nodig een ouder uit' });
    await form.getByLabel('Typ e-mail van de ouder').fill(address);
    await form.getByRole('button', { name: 'Check' }).click();
    return form;
  };

  const first = await inviteParent();
  await expect(first.getByTestId('check-result')).toContainText('Het adres is in orde');
  await first.getByRole('button', { name: 'Verstuur' }).click();
  await expect(page.getByTestId('page-status')).toContainText(`Uitnodiging verstuurd naar ${address}.`);
  const firstLink = invitationLinkIn(await waitForMail(address));

  const again = await inviteParent();
  await expect(again.getByTestId('check-result')).toContainText('Er staat al een uitnodiging open voor dit adres (Ouder).');
  await expect(again.getByRole('button', { name: /^Verstuur uitnodiging voor het dossier van / })).toBeDisabled();
  await expectAccessible(page, 'dialog: open invitation');
  await screen(page, testInfo, 'dialog-7-open-invitation');

  await again.getByRole('button', { name: 'Verstuur die uitnodiging opnieuw' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('page-status')).toContainText(`Uitnodiging opnieuw verstuurd naar ${address}. De vorige link werkt niet meer.`);
  await expect(page.getByTestId('invitation').filter({ hasText: address })).toHaveCount(1);
  await expect.poll(async () => (await mailsTo(address)).length, { timeout: 15_000 }).toBe(2);
  const links = (await mailsTo(address)).map(invitationLinkIn);
  expect(links).toContain(firstLink);
  const secondLink = links.find((link) => link !== firstLink) ?? '';
  expect(secondLink).toMatch(/\/uitnodiging\//);

  // The invitee signs in on the new link; staff cancel the invitation meanwhile.
  const invitee = await browser.newContext(inviteeContextOptions(testInfo));
  const their = await invitee.newPage();
  await their.goto(firstLink);
  await expect(their.getByRole('heading', { level: 1, name: 'Deze uitnodiging is niet (meer) geldig' })).toBeVisible();
  await expect(their.getByRole('button', { name: 'Aanmelden met itsme' })).toBeVisible();
  await expectAccessible(their, 'invitation: replaced link');
  await screen(their, testInfo, 'invitation-3-invalid');
  await their.goto(secondLink);
  await registerNewPerson(their, 'Laat', `Aanvaarder${randomBytes(3).toString('hex')}`);
  await expect(their).toHaveURL(secondLink);
  const row = page.getByTestId('invitation').filter({ hasText: address });
  await row.getByRole('button', { name: 'Annuleren' }).click();
  await row.getByRole('button', { name: 'Ja, annuleer' }).click();
  const cancelled = page.getByRole('region', { name: 'Openstaande uitnodigingen' }).getByTestId('section-status');
  await expect(cancelled).toContainText(`Uitnodiging voor ${address} geannuleerd.`);
  await expect(cancelled).toBeInViewport();
  await expect(page.getByTestId('invitation').filter({ hasText: address })).toHaveCount(0);

  await their.getByRole('button', { name: 'Uitnodiging aanvaarden' }).click();
  await expect(their.getByText('Deze uitnodiging kon niet aanvaard worden: ze is verlopen, geannuleerd of al gebruikt.')).toBeVisible();
  await expectAccessible(their, 'invitation: accepting failed');
  await screen(their, testInfo, 'invitation-4-accept-failed');
  await invitee.close();

  // The logbook answers who did what to whom: filtered to access, each event names address and role.
  await page.goto(page.url().replace(/\/contacten$/, '/logboek'));
  await page.getByLabel('Toon').selectOption('access');
  await page.getByRole('button', { name: 'Toon' }).click();
  await expect(page).toHaveURL(/soort=access/);
  const events = page.getByTestId('audit-event').filter({ hasText: address });
  await expect(events.filter({ hasText: 'Uitnodiging geannuleerd' }).first()).toContainText(`${E2E_PERSONS.secondStaff.givenName} ${E2E_PERSONS.secondStaff.familyName}`);
  await expect(events.filter({ hasText: 'Uitnodiging geannuleerd' }).first()).toContainText('Ouder');
  await expect(events.filter({ hasText: 'Uitnodiging opnieuw verstuurd' })).toHaveCount(1);
  await expect(events.filter({ hasText: 'Uitnodiging verstuurd' }).first()).toBeVisible();
  await expect(page.getByTestId('audit-event').filter({ hasText: 'bekeken' })).toHaveCount(0);
  await expectAccessible(page, 'logboek, access events');
});

test('too many invitation links opened from one address: the page asks for patience, plainly', async ({ browser }, testInfo) => {
  // The test's own client address: the limit it reaches is nobody else's.
  const context = await browser.newContext({ ...inviteeContextOptions(testInfo), baseURL: E2E.appUrl });
  const page = await context.newPage();
  const guess = (n: number) => `/uitnodiging/${n.toString().padStart(43, 'A')}`;
  for (let n = 0; n < 20; n++) {
    expect(await (await context.request.get(guess(n))).text()).toContain('Deze uitnodiging is niet (meer) geldig');
  }
  const limited = await page.goto(guess(20));
  await expect(page.getByRole('heading', { level: 1, name: 'Even geduld' })).toBeVisible();
  await expect(page.getByText('Probeer het binnen een minuut opnieuw.')).toBeVisible();
  expect(limited?.headers()['referrer-policy']).toBe('strict-origin');
  await expectAccessible(page, 'invitation: too many lookups');
  await screen(page, testInfo, 'invitation-5-too-many');
  await context.close();
});
