import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_SCHOOLS } from '@/tooling/demo/demo-data';
import { expectAccessible } from './support/axe';
import { inviteeContextOptions } from './support/client-address';
import { registerNewPerson } from './support/login';
import { invitationLinkIn, waitForMail } from './support/mailbox';
import { E2E, NEW_CENTRE } from './support/ports';

/**
 * A real centre from an empty database (the story of issue 11), on the phone: the stack ran
 * `npm run centre:init` on the empty database before anything else (serve.ts); its first
 * centre-staff member accepts as a new itsme person, creates a school and a department, invites
 * a school manager who accepts and sees an empty 'Beheer aanvragen' for their school only, who
 * invites a department manager; removing the school manager answers their next request 404.
 */
const suffix = randomBytes(3).toString('hex');

async function invite(page: Page, roleLabel: string, title: string, field: string, address: string) {
  await page.getByRole('button', { name: 'Nodig iemand nieuw uit' }).click();
  const chooser = page.getByRole('dialog', { name: 'Wie wil je uitnodigen?' });
  await expect(chooser.getByRole('button', { name: 'Annuleren' })).toBeVisible();
  // Only the unit's own staff role is offered.
  await expect(chooser.getByRole('button')).toHaveCount(2);
  await chooser.getByRole('button', { name: roleLabel, exact: true }).click();
  const form = page.getByRole('dialog', { name: title });
  await form.getByLabel(field).fill(address);
  await form.getByRole('button', { name: 'Check' }).click();
  await expect(form.getByTestId('check-result')).toContainText('Het adres is in orde');
  await expectAccessible(page, `dialog: ${roleLabel}`);
  await form.getByRole('button', { name: 'Verstuur' }).click();
  await expect(page.getByTestId('page-status')).toContainText(`Uitnodiging verstuurd naar ${address}.`);
  await expect(page.getByTestId('invitation').filter({ hasText: address })).toContainText(roleLabel);
}

async function accept(page: Page, link: string, given: string, family: string, summary: string) {
  await page.goto(link);
  await expect(page.getByTestId('invitation-summary')).toHaveText(summary);
  await expectAccessible(page, 'staff invitation: anonymous');
  await registerNewPerson(page, given, family);
  await expect(page).toHaveURL(link);
  await page.getByRole('button', { name: 'Uitnodiging aanvaarden' }).click();
}

test('a new centre: centre:init, first staff, school and department, a school manager invites a department manager, removal is a 404 next request', async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  const init = JSON.parse(readFileSync(path.join(path.resolve(E2E.dataDir), NEW_CENTRE.logFile), 'utf8')) as { first: string; second: string };
  const printed = /DIPLON_INVITATION_LINK=(\S+)/.exec(init.first)?.[1];
  expect(init.second).toContain('Er staat al een uitnodiging open');
  expect(init.second).not.toContain('DIPLON_INVITATION_LINK');

  // The invitation went through the outbox; its link is the one printed once.
  const mail = await waitForMail(NEW_CENTRE.email);
  const link = invitationLinkIn(mail);
  expect(link).toBe(printed);
  expect(mail.text).toContain('Medewerker leersteuncentrum');

  const admin = ['Nora', `Nieuwstart${suffix}`] as const;
  await accept(page, link, admin[0], admin[1], `${NEW_CENTRE.name} nodigt je uit als Medewerker leersteuncentrum.`);
  await expect(page).toHaveURL(/\/organisatie$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Beheer organisatie' })).toBeVisible();
  await expect(page.getByText('Er zijn nog geen scholen. Voeg de eerste school toe.')).toBeVisible();
  // The only centre staff: no way to lock the centre out, and the page says why.
  await expect(page.getByTestId('last-centre-staff')).toBeVisible();
  await expectAccessible(page, 'organisation: empty centre');

  // A school: an empty name and a duplicate are refused in Dutch.
  const addSchool = page.getByTestId('add-unit-form');
  await addSchool.getByRole('button', { name: 'School toevoegen' }).click();
  await expect(addSchool).toContainText('Vul een naam in.');
  await addSchool.getByLabel('Naam van de school').fill('Basisschool Het Kompas');
  await addSchool.getByRole('button', { name: 'School toevoegen' }).click();
  await expect(page.getByRole('link', { name: 'Basisschool Het Kompas' })).toBeVisible();
  await addSchool.getByLabel('Naam van de school').fill('basisschool het kompas');
  await addSchool.getByRole('button', { name: 'School toevoegen' }).click();
  await expect(addSchool).toContainText('Er bestaat al een school met deze naam in dit leersteuncentrum.');
  await expectAccessible(page, 'organisation: school added, duplicate refused');

  await page.getByRole('link', { name: 'Basisschool Het Kompas' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Basisschool Het Kompas' })).toBeVisible();
  const schoolUrl = page.url();
  const addDepartment = page.getByTestId('add-unit-form');
  await addDepartment.getByLabel('Naam van de afdeling').fill('Kleuterafdeling');
  await addDepartment.getByRole('button', { name: 'Afdeling toevoegen' }).click();
  await expect(page.getByRole('link', { name: 'Kleuterafdeling' })).toBeVisible();

  const managerAddress = `directie.${suffix}@kompas.example`;
  await invite(page, 'Schoolverantwoordelijke', 'Nodig een schoolverantwoordelijke uit', 'Typ e-mail van de schoolverantwoordelijke', managerAddress);
  await expectAccessible(page, 'school page with an open invitation');

  // The school manager, in a browser of their own.
  const managerContext = await browser.newContext(inviteeContextOptions(testInfo));
  const manager = await managerContext.newPage();
  const managerLink = invitationLinkIn(await waitForMail(managerAddress));
  await accept(
    manager,
    managerLink,
    'Mats',
    `Directeur${suffix}`,
    `${admin[0]} ${admin[1]} nodigt je uit als Schoolverantwoordelijke van Basisschool Het Kompas bij ${NEW_CENTRE.name}.`,
  );
  await expect(manager).toHaveURL(/\/aanvragen$/);
  await expect(manager.getByRole('heading', { level: 1, name: 'Beheer aanvragen' })).toBeVisible();
  await expect(manager.getByText('Er zijn nog geen aanvragen in jouw scope.')).toBeVisible();
  // Their school only: the school filter offers exactly it (none of the demo's schools).
  await expect(manager.getByLabel('School').locator('option')).toHaveText(['Alle', 'Basisschool Het Kompas']);
  await expectAccessible(manager, 'school manager: empty Beheer aanvragen');

  // The manager invites a department manager for a department of their school.
  await manager.getByRole('link', { name: 'Beheer organisatie' }).click();
  await manager.getByRole('link', { name: 'Basisschool Het Kompas' }).click();
  await expect(manager.getByTestId('add-unit-form')).toHaveCount(0);
  await expect(manager.getByRole('button', { name: 'Nodig iemand nieuw uit' })).toHaveCount(0);
  await manager.getByRole('link', { name: 'Kleuterafdeling' }).click();
  const departmentAddress = `kleuter.${suffix}@kompas.example`;
  await invite(manager, 'Afdelingsverantwoordelijke', 'Nodig een afdelingsverantwoordelijke uit', 'Typ e-mail van de afdelingsverantwoordelijke', departmentAddress);
  await expectAccessible(manager, 'department page, invited by the school manager');
  expect(invitationLinkIn(await waitForMail(departmentAddress))).toMatch(/\/uitnodiging\//);
  // Another centre's school is out of scope: the same 404 as a school that does not exist.
  expect((await manager.goto(`${E2E.appUrl}/organisatie/scholen/${DEMO_SCHOOLS[0].id}`))?.status()).toBe(404);

  // 'Toegang intrekken' by the centre's staff: the manager's very next request is a 404.
  await page.goto(schoolUrl);
  const member = page.getByTestId('staff-member').filter({ hasText: `Mats Directeur${suffix}` });
  await expect(member).toContainText(`${admin[0]} ${admin[1]}`);
  await member.getByRole('button', { name: 'Toegang intrekken' }).click();
  await member.getByRole('button', { name: 'Ja, trek in' }).click();
  await expect(page.getByTestId('page-status')).toContainText(`De toegang van Mats Directeur${suffix} is ingetrokken.`);
  await page.reload();
  await expect(page.getByTestId('ended-member').filter({ hasText: `Mats Directeur${suffix}` })).toContainText(`Ingetrokken door: ${admin[0]} ${admin[1]}`);
  await expectAccessible(page, 'school page after removal');

  expect((await manager.goto(`${E2E.appUrl}/aanvragen`))?.status()).toBe(404);
  expect((await manager.goto(schoolUrl))?.status()).toBe(404);
  await managerContext.close();
});
