import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { E2E_PERSONS } from './support/actors';
import { expectAccessible } from './support/axe';
import { inviteeContextOptions } from './support/client-address';
import { loginAs } from './support/login';
import { invitationLinkIn, waitForMail } from './support/mailbox';
import { screen } from './support/screens';

/**
 * Issue 16 on the phone: an invitation in the invitee's language from Check to the dossier,
 * and an invitation accepted by someone else than the person the school named — confirmed by
 * staff once, refused once. Staff (the second centre staff member) work in Dutch throughout.
 */
const inviter = E2E_PERSONS.secondStaff;
const inviterName = `${inviter.givenName} ${inviter.familyName}`;
const centre = 'Leersteuncentrum De Regenboog (demo)';

test.describe.configure({ mode: 'parallel' });

/** Beheer aanvragen → the student → the dossier (its URL) → Beheer contacten. */
async function openContacts(page: Page, familyName: string) {
  await page.getByRole('link', { name: 'Beheer aanvragen' }).click();
  await page.getByLabel('Zoek op naam van de leerling').fill(familyName);
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await page.getByRole('link', { name: new RegExp(familyName) }).filter({ visible: true }).first().click();
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toContainText(familyName);
  const studentName = (await heading.innerText()).replace(/^Dossier van\s*/, '').trim();
  const dossierUrl = page.url();
  await page.getByRole('link', { name: 'Beheer contacten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Beheer contacten' })).toBeVisible();
  return { studentName, dossierUrl };
}

/** 'Nodig iemand nieuw uit' → Ouder → address, name, language → Check → Verstuur; gives the link from the mail. */
async function inviteParent(page: Page, input: { address: string; expectedName?: string; language: 'nl' | 'fr' | 'en' }) {
  await page.getByRole('button', { name: 'Nodig iemand nieuw uit' }).click();
  await page.getByRole('button', { name: 'Ouder', exact: true }).click();
  const form = page.getByRole('dialog', { name: 'Nodig een ouder uit' });
  await form.getByLabel('Typ e-mail van de ouder').fill(input.address);
  if (input.expectedName) await form.getByLabel('Naam zoals gekend door de school').fill(input.expectedName);
  await form.getByLabel('Taal van de uitnodiging').selectOption(input.language);
  await form.getByRole('button', { name: 'Check' }).click();
  await expect(form.getByTestId('check-result')).toContainText('Het adres is in orde');
  await form.getByRole('button', { name: 'Verstuur' }).click();
  await expect(page.getByTestId('page-status')).toContainText(`Uitnodiging verstuurd naar ${input.address}.`);
  const mail = await waitForMail(input.address);
  return { mail, link: invitationLinkIn(mail) };
}

/** On the stand-in (which speaks Dutch): a new itsme identity with this name. */
async function newItsmePerson(page: Page, givenName: string, familyName: string) {
  await page.getByLabel('Voornaam').fill(givenName);
  await page.getByLabel('Familienaam').fill(familyName);
  await page.getByRole('button', { name: 'Aanmelden als nieuwe persoon' }).click();
  await expect(page.getByTestId('viewer-name')).toHaveText(`${givenName} ${familyName}`);
}

test('a French invitation: Check, Verstuur, the mail, the landing page and itsme in French, the dossier in French, then English', async ({ page, browser }, testInfo) => {
  test.setTimeout(150_000);
  const hex = randomBytes(3).toString('hex');
  const address = `parent.fr.${hex}@gmail.com`;
  const family = `Dubois${hex}`;
  await loginAs(page, inviter);
  const { studentName } = await openContacts(page, 'Kastanje');
  const { mail, link } = await inviteParent(page, { address, expectedName: `HELENE ${family.toUpperCase()}-Lefèvre`, language: 'fr' });
  // Staff keep working in Dutch.
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl-BE');
  expect(mail.subject).toBe(`${centre} : invitation à consulter un dossier dans Diplon`);
  expect(mail.text).toContain(`${inviterName}, de ${centre}, vous invite à accéder à un dossier dans Diplon en tant que Parent.`);
  expect(mail.text).toMatch(/valable jusqu’au \d{1,2} \p{L}+ \d{4}/u);
  expect(mail.html).toContain('lang="fr-BE"');

  const invitee = await browser.newContext(inviteeContextOptions(testInfo));
  const their = await invitee.newPage();
  await their.goto(link);
  await expect(their).toHaveURL(link);
  await expect(their.locator('html')).toHaveAttribute('lang', 'fr-BE');
  await expect(their.getByRole('heading', { level: 1, name: 'Invitation' })).toBeVisible();
  await expect(their.getByTestId('invitation-summary')).toHaveText(`${inviterName}, de ${centre}, vous invite en tant que Parent.`);
  await expect(their.getByTestId('language-switch')).toContainText('Français');
  await expectAccessible(their, 'invitation (fr)');
  await screen(their, testInfo, 'lang-1-invitation-fr');

  // The hand-over to itsme asks for French screens.
  const handOver = their.waitForRequest((request) => request.url().includes('ui_locales='));
  await their.getByRole('button', { name: 'Se connecter avec itsme' }).click();
  expect(new URL((await handOver).url()).searchParams.get('ui_locales')).toBe('fr');
  await newItsmePerson(their, 'Hélène', `${family}-Lefèvre`);
  await expect(their).toHaveURL(link);
  await their.getByRole('button', { name: 'Accepter l’invitation' }).click();

  await expect(their.getByRole('heading', { level: 1, name: new RegExp(studentName) })).toBeVisible();
  await expect(their.locator('html')).toHaveAttribute('lang', 'fr-BE');
  await expect(their.getByText('Vous pouvez consulter ce dossier.')).toBeVisible();
  await expect(their.getByRole('heading', { level: 2, name: 'Demandes' })).toBeVisible();
  await expectAccessible(their, 'dossier (fr)');
  await screen(their, testInfo, 'lang-2-dossier-fr');

  // A native form (POST) switches, and the choice is the person's: without the cookie it stays English.
  await their.getByRole('button', { name: 'English' }).click();
  await expect(their.locator('html')).toHaveAttribute('lang', 'en-GB');
  await expect(their.getByRole('heading', { level: 2, name: 'Requests' })).toBeVisible();
  await expect(their.getByText('You can read this file.')).toBeVisible();
  await expectAccessible(their, 'dossier (en)');
  await invitee.clearCookies({ name: 'diplon.taal' });
  await their.getByRole('link', { name: 'My files' }).click();
  await expect(their.getByRole('heading', { level: 1, name: 'My files' })).toBeVisible();
  await expect(their.getByRole('link', { name: new RegExp(studentName) })).toContainText('Your role: Parent, since');
  await expectAccessible(their, 'my files (en)');
  await screen(their, testInfo, 'lang-3-my-files-en');

  // The inviter's notice is Dutch.
  const notice = await waitForMail(inviter.email, (m) => m.text.includes(`Hélène ${family}-Lefèvre`));
  expect(notice.subject).toBe('Uitnodiging aanvaard in Diplon');
  await invitee.close();
});

test('someone else accepts: they wait and see nothing; staff see both names and confirm; then the dossier opens', async ({ page, browser }, testInfo) => {
  test.setTimeout(150_000);
  const hex = randomBytes(3).toString('hex');
  const address = `ouder.mis.${hex}@telenet.be`;
  const stranger = ['Marc', `Anders${hex}`] as const;
  await loginAs(page, inviter);
  const { studentName, dossierUrl } = await openContacts(page, 'Pimpernel');
  const { link } = await inviteParent(page, { address, expectedName: `Koen Pimpernel${hex}`, language: 'nl' });

  const invitee = await browser.newContext(inviteeContextOptions(testInfo));
  const their = await invitee.newPage();
  await their.goto(link);
  await expect(their.locator('html')).toHaveAttribute('lang', 'nl-BE');
  await their.getByRole('button', { name: 'Aanmelden met itsme' }).click();
  await newItsmePerson(their, stranger[0], stranger[1]);
  await their.getByRole('button', { name: 'Uitnodiging aanvaarden' }).click();
  await expect(their).toHaveURL(/\/mijn-dossiers\?bevestiging=1$/);
  await expect(their.getByRole('status')).toContainText('Het leersteuncentrum bevestigt eerst dat deze uitnodiging voor jou bedoeld was.');
  await expect(their.getByTestId('awaiting-confirmation')).toContainText(`Je aanvaardde een uitnodiging van ${centre} als Ouder.`);
  await expect(their.locator('main')).not.toContainText(studentName);
  await expectAccessible(their, 'my dossiers: awaiting confirmation');
  await screen(their, testInfo, 'bind-1-awaiting');
  expect((await their.goto(dossierUrl))?.status()).toBe(404);

  const notice = await waitForMail(inviter.email, (m) => m.text.includes(`${stranger[0]} ${stranger[1]}`));
  expect(notice.subject).toBe('Bevestig wie je uitnodiging aanvaardde in Diplon');
  expect(notice.text).toContain(`De school kende deze persoon als Koen Pimpernel${hex}.`);

  await page.reload();
  const card = page.getByTestId('awaiting-contact').filter({ hasText: `${stranger[0]} ${stranger[1]}` });
  await expect(card.getByTestId('verified-name')).toHaveText(`${stranger[0]} ${stranger[1]}`);
  await expect(card.getByTestId('expected-name')).toHaveText(`Koen Pimpernel${hex}`);
  await expectAccessible(page, 'contacts: awaiting confirmation');
  await screen(page, testInfo, 'bind-2-staff-sees-both-names');
  await card.getByRole('button', { name: 'Bevestigen' }).click();
  await card.getByRole('button', { name: 'Ja, bevestig' }).click();
  await expect(page.getByTestId('page-status')).toContainText(`${stranger[0]} ${stranger[1]} heeft nu toegang tot het dossier.`);
  await expect(page.getByTestId('contact').filter({ hasText: `${stranger[0]} ${stranger[1]}` })).toBeVisible();

  expect((await their.goto(dossierUrl))?.status()).toBe(200);
  await expect(their.getByRole('heading', { level: 1, name: new RegExp(studentName) })).toBeVisible();
  await invitee.close();
});

test('a parent invited without a name, in English: a staff member opening the link is warned; the invitee waits; staff refuse', async ({ page, browser }, testInfo) => {
  test.setTimeout(150_000);
  const hex = randomBytes(3).toString('hex');
  const address = `parent.en.${hex}@gmail.com`;
  const person = ['John', `Smith${hex}`] as const;
  await loginAs(page, inviter);
  const { dossierUrl } = await openContacts(page, 'Lindeboom');
  const contactsUrl = page.url();
  const { mail, link } = await inviteParent(page, { address, language: 'en' });
  expect(mail.subject).toBe(`${centre}: invitation to view a file in Diplon`);

  // A staff member who opens a parent's link is told it is not theirs; accepting needs a tick.
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Deze uitnodiging is bedoeld voor iemand anders' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Uitnodiging aanvaarden' })).toHaveCount(0);
  await expect(page.getByLabel('Ik ben zelf de persoon voor wie deze uitnodiging bedoeld is')).not.toBeChecked();
  await expectAccessible(page, 'invitation opened by staff');
  await screen(page, testInfo, 'bind-3-staff-warned');

  const invitee = await browser.newContext(inviteeContextOptions(testInfo));
  const their = await invitee.newPage();
  await their.goto(link);
  await expect(their.locator('html')).toHaveAttribute('lang', 'en-GB');
  await expect(their.getByTestId('invitation-summary')).toHaveText(`${inviterName} of ${centre} invites you as Parent.`);
  await expectAccessible(their, 'invitation (en)');
  await their.getByRole('button', { name: 'Sign in with itsme' }).click();
  await newItsmePerson(their, person[0], person[1]);
  await their.getByRole('button', { name: 'Accept the invitation' }).click();
  await expect(their.getByTestId('awaiting-confirmation')).toContainText('The learning support centre will first confirm that the invitation was meant for you');
  await expectAccessible(their, 'my files: awaiting confirmation (en)');

  await page.goto(contactsUrl);
  const card = page.getByTestId('awaiting-contact').filter({ hasText: `${person[0]} ${person[1]}` });
  await expect(card.getByTestId('expected-name')).toHaveText('geen naam opgegeven');
  await card.getByRole('button', { name: 'Weigeren' }).click();
  await card.getByRole('button', { name: 'Ja, weiger' }).click();
  await expect(page.getByTestId('page-status')).toContainText(`De toegang van ${person[0]} ${person[1]} is geweigerd.`);
  await expect(page.getByTestId('contact').filter({ hasText: `${person[0]} ${person[1]}` })).toContainText('Geweigerd');

  await their.reload();
  await expect(their.getByTestId('awaiting-confirmation')).toHaveCount(0);
  await expect(their.getByText('No files have been shared with you (yet).')).toBeVisible();
  expect((await their.goto(dossierUrl))?.status()).toBe(404);
  await invitee.close();
});
