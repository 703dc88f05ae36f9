import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { TEST_PERSONS } from '@/tooling/demo/test-persons';
import { E2E_PERSONS, STORY_DOSSIER } from './support/actors';
import { expectAccessible } from './support/axe';
import { loginAs } from './support/login';
import { mailsTo, waitForMail } from './support/mailbox';

/**
 * The request story on the phone: a school manager submits a request with an attachment, the
 * centre takes it up and shares a report (and writes an internal note), the parent sees the
 * report but not the note; bad uploads are refused in Dutch; the form works without JavaScript.
 */
const pdf = (text: string) => Buffer.from(`%PDF-1.7\n% ${text}\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n`);

async function switchTo(page: Page, person: { givenName: string; familyName: string }) {
  await page.context().clearCookies();
  await loginAs(page, person as never);
}

async function expectNoServerError(page: Page) {
  await expect(page.getByRole('heading', { name: 'Er ging iets mis' })).toHaveCount(0);
}

test('school submits, the centre takes up and shares a report, the parent sees only what is shared', async ({ page }) => {
  // Three people, three logins, five axe runs and a 10 MB upload: longer than one page's test.
  test.setTimeout(150_000);
  const suffix = randomUUID().slice(0, 6);
  // Nothing on these pages may trip the CSP (zod once probed for eval on every page with a form).
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const cspViolations = () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  // The school manager: 'Beheer aanvragen' → 'Nieuwe aanvraag' → an existing student.
  await loginAs(page, TEST_PERSONS.schoolManager);
  await page.goto('/aanvragen');
  await page.getByRole('link', { name: 'Nieuwe aanvraag' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nieuwe aanvraag' })).toBeVisible();
  await page.getByRole('radio', { name: 'Een nieuwe leerling' }).check();
  await page.getByRole('button', { name: 'Indienen' }).click();
  await expect(page.getByText('Vul de familienaam in.')).toBeVisible();
  await expectAccessible(page, 'nieuwe aanvraag, new student with errors');
  await page.getByLabel('Zoek de leerling op naam').fill('olijfhout');
  await page.getByRole('button', { name: 'Zoek', exact: true }).click();
  await page.getByRole('radio', { name: /Noor Olijfhout · 2016 · Basisschool De Linde · L3/ }).check();
  await page.getByLabel('Soort aanvraag').selectOption({ label: 'Vraag om advies' });
  await page.getByLabel('Je vraag').fill(`Noor leest traag en haakt af bij lange instructies (${suffix}).`);
  await page.getByLabel('Bijlagen (niet verplicht)').setInputFiles({ name: 'verslag-school.pdf', mimeType: 'application/pdf', buffer: pdf('school') });
  await expectAccessible(page, 'nieuwe aanvraag');
  expect(await cspViolations()).toEqual([]);
  await page.getByRole('button', { name: 'Indienen' }).click();
  await expect(page).toHaveURL(new RegExp(`/dossiers/${STORY_DOSSIER}\\?aanvraag=ingediend`));
  await expect(page.getByText('De aanvraag is ingediend bij het leersteuncentrum.')).toBeVisible();
  const request = page.getByTestId('request').filter({ hasText: suffix });
  await expect(request).toContainText('Ingediend');
  await expect(request.getByRole('link', { name: /verslag-school\.pdf/ })).toBeVisible();
  await expectAccessible(page, 'dossier after submit');

  // The centre: take it up with a begeleider, share a report, write an internal note.
  await switchTo(page, TEST_PERSONS.centreStaff);
  await page.goto(`/dossiers/${STORY_DOSSIER}`);
  const toWork = page.getByTestId('request').filter({ hasText: suffix });
  await toWork.getByLabel('Begeleider').selectOption({ label: 'Sofie Janssens' });
  await toWork.getByRole('button', { name: 'In behandeling nemen' }).click();
  await expect(toWork.getByText('De aanvraag is in behandeling genomen.')).toBeVisible();
  await expect(toWork).toContainText('In behandeling');
  await expect(toWork).toContainText('Begeleider: Sofie Janssens');

  await page.getByText('Nieuw verslag of notitie').click();
  const form = page.locator('form').filter({ has: page.locator('#nieuw-title') });
  await form.getByLabel('Soort').selectOption({ label: 'Verslag' });
  await form.getByLabel('Titel').fill(`Verslag observatie ${suffix}`);
  await form.getByLabel('Tekst').fill('Noor werkt goed met een stappenplan.');
  await form.getByRole('radio', { name: 'Gedeeld met contacten' }).check();
  // Hostile uploads first: each refused in Dutch, nothing stored.
  const refusals: [string, Buffer, RegExp][] = [
    ['programma.pdf', Buffer.from('MZ\x90\x00 not a pdf'), /is geen PDF, afbeelding of Office-document/],
    ['leeg.pdf', Buffer.alloc(0), /is leeg/],
    ['groot.pdf', Buffer.concat([pdf('groot'), Buffer.alloc(10 * 1024 * 1024 + 1)]), /is groter dan 10 MB/],
  ];
  for (const [name, buffer, message] of refusals) {
    await form.getByLabel('Bijlagen').setInputFiles({ name, mimeType: 'application/pdf', buffer });
    await form.getByRole('button', { name: 'Bewaren' }).click();
    await expect(form.getByRole('status')).toContainText(message);
    await expectNoServerError(page);
  }
  await expect(page.getByTestId('entry').filter({ hasText: suffix })).toHaveCount(0);
  await form.getByLabel('Bijlagen').setInputFiles({ name: 'observatie.pdf', mimeType: 'application/pdf', buffer: pdf('observatie') });
  await form.getByRole('button', { name: 'Bewaren' }).click();
  await expect(page.getByTestId('entry').filter({ hasText: `Verslag observatie ${suffix}` })).toContainText('Gedeeld met contacten');

  await form.getByLabel('Soort').selectOption({ label: 'Notitie' });
  await form.getByLabel('Titel').fill(`Interne notitie ${suffix}`);
  await form.getByLabel('Tekst').fill('Enkel voor het team.');
  await form.getByRole('radio', { name: 'Intern (enkel medewerkers)' }).check();
  await form.getByLabel('Bijlagen').setInputFiles({ name: 'intern.pdf', mimeType: 'application/pdf', buffer: pdf('intern') });
  await form.getByRole('button', { name: 'Bewaren' }).click();
  const internal = page.getByTestId('entry').filter({ hasText: `Interne notitie ${suffix}` });
  await expect(internal).toContainText('Intern');
  const internalHref = await internal.getByRole('link', { name: /intern\.pdf/ }).getAttribute('href');
  await expectAccessible(page, 'dossier as centre staff');
  // 'Wijzigen' opens that one entry's form (the page carries no form per entry).
  await expect(page.locator('form').filter({ has: page.locator('[id^="e-"][id$="-title"]') })).toHaveCount(0);
  await internal.getByRole('link', { name: new RegExp(`^Wijzigen ?: Interne notitie ${suffix}$`) }).click();
  await expect(internal.getByLabel('Titel')).toHaveValue(`Interne notitie ${suffix}`);
  await expectAccessible(page, 'dossier, an entry being changed');
  expect(await cspViolations()).toEqual([]);

  // The parent: the report and its attachment, never the internal note or its file.
  await switchTo(page, E2E_PERSONS.storyParent);
  await page.goto(`/dossiers/${STORY_DOSSIER}`);
  const report = page.getByTestId('entry').filter({ hasText: `Verslag observatie ${suffix}` });
  await expect(report).toBeVisible();
  await expect(page.getByText(`Interne notitie ${suffix}`)).toHaveCount(0);
  await expect(page.getByText('Werkversie')).toHaveCount(0);
  await expect(page.getByTestId('request').filter({ hasText: suffix })).toContainText('In behandeling');
  await expectAccessible(page, 'dossier as parent');
  const href = await report.getByRole('link', { name: /observatie\.pdf/ }).getAttribute('href');
  const download = await page.request.get(href!);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-disposition']).toContain('attachment; filename="observatie.pdf"');
  expect(download.headers()['cache-control']).toBe('no-store');
  expect(download.headers()['x-content-type-options']).toBe('nosniff');
  expect(download.headers()['content-type']).toBe('application/pdf');
  expect((await download.body()).toString()).toContain('observatie');
  expect((await page.request.get(internalHref!)).status()).toBe(404);

  // The parent heard of it by mail, without student data, once today.
  const mail = await waitForMail(E2E_PERSONS.storyParent.email, (m) => m.subject.includes('iets nieuws'));
  expect(mail.text).toContain('/aanmelden');
  expect(mail.text + mail.subject).not.toMatch(/Noor|Olijfhout|Linde/);
  expect((await mailsTo(E2E_PERSONS.storyParent.email)).filter((m) => m.subject.includes('iets nieuws'))).toHaveLength(1);
});

// axe runs inside the page, so these pages are checked with JavaScript in the story above.
test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the centre writes an entry and changes it: one edit form at a time, the earlier version kept', async ({ page }) => {
    const title = `Overleg ${randomUUID().slice(0, 6)}`;
    await loginAs(page, TEST_PERSONS.centreStaff, `/aanmelden?terug=/dossiers/${STORY_DOSSIER}`);
    await page.goto(`/dossiers/${STORY_DOSSIER}`);
    await page.getByText('Nieuw verslag of notitie').click();
    const form = page.locator('form').filter({ has: page.locator('#nieuw-title') });
    await form.getByLabel('Titel').fill(title);
    await form.getByLabel('Tekst').fill('Eerste versie van het verslag.');
    await form.getByRole('button', { name: 'Bewaren' }).click();
    const entry = page.getByTestId('entry').filter({ hasText: title });
    await expect(entry).toContainText('Eerste versie van het verslag.');
    await expect(entry.locator('form')).toHaveCount(0);

    await entry.getByRole('link', { name: new RegExp(`^Wijzigen ?: ${title}$`) }).click();
    await expect(page).toHaveURL(/\?wijzig=/);
    await expect(page.locator('form').filter({ has: page.locator('[id^="e-"][id$="-title"]') })).toHaveCount(1);
    await entry.getByLabel('Tekst').fill('Tweede versie van het verslag.');
    await entry.getByRole('button', { name: 'Bewaren' }).click();
    await expectNoServerError(page);
    await expect(entry.getByRole('status')).toContainText('Bewaard.');
    await expect(entry.getByText('Eerdere versies (1)')).toBeVisible();

    await entry.getByRole('link', { name: 'Sluiten zonder te wijzigen' }).click();
    await expect(entry.locator('form')).toHaveCount(0);
    await expect(entry).toContainText('Tweede versie van het verslag.');
    await entry.getByText('Eerdere versies (1)').click();
    await expect(entry).toContainText('Eerste versie van het verslag.');
  });

  test('a new student: errors in Dutch with the typed text kept, a draft, then the likely duplicate is pointed out', async ({ page }) => {
    const family = `Nieuwkomer${randomUUID().slice(0, 6)}`;
    await loginAs(page, TEST_PERSONS.schoolManager, '/aanmelden?terug=/aanvragen/nieuw');
    await page.goto('/aanvragen/nieuw');
    await page.getByRole('radio', { name: 'Een nieuwe leerling' }).check();
    await page.getByLabel('Voornaam').fill('Mila');
    await page.getByLabel('Je vraag').fill('Graag advies over rekenen.');
    await page.getByRole('button', { name: 'Bewaar als werkversie' }).click();
    await expect(page.getByText('Vul de familienaam in.')).toBeVisible();
    await expect(page.getByText('Kies de soort aanvraag.')).toBeVisible();
    await expect(page.getByLabel('Voornaam')).toHaveValue('Mila');
    await expect(page.getByLabel('Je vraag')).toHaveValue('Graag advies over rekenen.');

    const fill = async () => {
      await page.getByRole('radio', { name: 'Een nieuwe leerling' }).check();
      await page.getByLabel('Voornaam').fill('Mila');
      await page.getByLabel('Familienaam').fill(family);
      await page.getByLabel('Geboortedatum').fill('2016-03-14');
      await page.getByLabel('School', { exact: true }).selectOption({ label: 'Basisschool De Linde' });
      await page.getByLabel('Afdeling').selectOption({ label: 'Lagere school' });
      await page.getByLabel('Klas').fill('L4');
      await page.getByLabel('Soort aanvraag').selectOption({ label: 'Aanvraag ondersteuning' });
      await page.getByLabel('Je vraag').fill('Graag advies over rekenen.');
    };
    await fill();
    await page.getByLabel('Bijlagen (niet verplicht)').setInputFiles({ name: 'map/../../etc/passwd.pdf', mimeType: 'application/pdf', buffer: pdf('x') });
    await page.getByRole('button', { name: 'Bewaar als werkversie' }).click();
    await expectNoServerError(page);
    await expect(page.getByRole('status').filter({ hasText: /Er is niets bewaard/ })).toBeVisible();
    await expect(page.getByLabel('Familienaam')).toHaveValue(family);

    await page.getByLabel('Bijlagen (niet verplicht)').setInputFiles([]);
    await page.getByRole('button', { name: 'Bewaar als werkversie' }).click();
    await expect(page.getByText('De aanvraag is bewaard als werkversie.')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Mila ${family}`) })).toBeVisible();
    await expect(page.getByTestId('request')).toContainText('Werkversie');

    await page.goto('/aanvragen/nieuw');
    await fill();
    await page.getByRole('button', { name: 'Indienen' }).click();
    await expect(page.getByText('Bestaat deze leerling al?')).toBeVisible();
    await expect(page.getByText(new RegExp(`Er staat al een leerling Mila ${family} met dezelfde geboortedatum`))).toBeVisible();
  });
});

// ── 'Werkversie bewerken' (issue 12) ───────────────────────────────────────────────────────────
async function expectFits360(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${page.url()} is ${width}px wide`).toBeLessThanOrEqual(360);
}

/** 'Nieuwe aanvraag' for Noor Olijfhout (the story dossier), saved as 'Werkversie'; back on her dossier. */
async function saveDraftForNoor(page: Page, question: string, files: { name: string; buffer: Buffer }[] = []) {
  await page.goto('/aanvragen/nieuw?q=olijfhout');
  await page.getByRole('radio', { name: /Noor Olijfhout · 2016 · Basisschool De Linde · L3/ }).check();
  await page.getByLabel('Soort aanvraag').selectOption({ label: 'Vraag om advies' });
  await page.getByLabel('Je vraag').fill(question);
  if (files.length) await page.getByLabel('Bijlagen (niet verplicht)').setInputFiles(files.map((f) => ({ ...f, mimeType: 'application/pdf' })));
  await page.getByRole('button', { name: 'Bewaar als werkversie' }).click();
  await expect(page).toHaveURL(new RegExp(`/dossiers/${STORY_DOSSIER}\\?aanvraag=werkversie`));
}

test.describe("'Werkversie bewerken' at 360 px", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the manager saves a draft, edits its question, removes an attachment, then submits', async ({ page }) => {
    test.setTimeout(90_000);
    const suffix = randomUUID().slice(0, 6);
    await loginAs(page, TEST_PERSONS.schoolManager);
    await saveDraftForNoor(page, `Eerste versie van de vraag (${suffix}).`, [
      { name: 'oud-verslag.pdf', buffer: pdf('oud') },
      { name: 'nieuw-verslag.pdf', buffer: pdf('nieuw') },
    ]);
    const draft = page.getByTestId('request').filter({ hasText: suffix });
    await expect(draft).toContainText('Werkversie');
    await draft.getByRole('link', { name: /Werkversie bewerken/ }).click();

    // The 'Nieuwe aanvraag' form with the draft's own values; the student is not asked again.
    await expect(page.getByRole('heading', { level: 1, name: 'Werkversie bewerken: Noor Olijfhout' })).toBeVisible();
    const editUrl = page.url();
    await expect(page.getByLabel('Soort aanvraag')).toHaveValue('advice');
    await expect(page.getByLabel('Je vraag')).toHaveValue(`Eerste versie van de vraag (${suffix}).`);
    await expect(page.getByRole('radio', { name: 'Een nieuwe leerling' })).toHaveCount(0);
    await expect(page.getByTestId('draft-attachment')).toHaveCount(2);
    await expectFits360(page);
    await expectAccessible(page, 'werkversie bewerken');

    await page.getByRole('button', { name: 'Verwijderen: oud-verslag.pdf' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'De bijlage is verwijderd.' })).toBeVisible();
    await expect(page.getByTestId('draft-attachment')).toHaveCount(1);
    await expect(page.getByTestId('draft-attachment')).toContainText('nieuw-verslag.pdf');
    await expectAccessible(page, 'werkversie bewerken, a file removed');

    // An empty question is refused in Dutch before anything is sent; then the new question is saved.
    await page.getByLabel('Je vraag').fill('');
    await page.getByRole('button', { name: 'Bewaar als werkversie' }).click();
    await expect(page.getByText('Beschrijf je vraag.')).toBeVisible();
    await page.getByLabel('Soort aanvraag').selectOption({ label: 'Aanvraag ondersteuning' });
    await page.getByLabel('Je vraag').fill(`Bijgewerkte vraag: Noor leest traag (${suffix}).`);
    await page.getByRole('button', { name: 'Bewaar als werkversie' }).click();
    await expect(page).toHaveURL(new RegExp(`/dossiers/${STORY_DOSSIER}\\?aanvraag=werkversie`));
    const edited = page.getByTestId('request').filter({ hasText: `Bijgewerkte vraag: Noor leest traag (${suffix}).` });
    await expect(edited).toContainText('Werkversie');
    await expect(edited).toContainText('Aanvraag ondersteuning');
    await expect(edited.getByRole('link', { name: /nieuw-verslag\.pdf/ })).toBeVisible();
    await expect(edited.getByRole('link', { name: /oud-verslag\.pdf/ })).toHaveCount(0);
    await expectFits360(page);
    await expectAccessible(page, 'dossier with the edited draft');

    await edited.getByRole('button', { name: 'Indienen' }).click();
    await expect(edited).toContainText('Ingediend');
    await expect(edited.getByRole('link', { name: /Werkversie bewerken/ })).toHaveCount(0);
    // The submitted request is not editable any more, and says so.
    await page.goto(editUrl);
    await expect(page.getByText('Deze aanvraag is al ingediend en kan niet meer gewijzigd worden')).toBeVisible();
    await expect(page.getByLabel('Je vraag')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /Verwijderen/ })).toHaveCount(0);
  });
});

test.describe("'Werkversie bewerken' without JavaScript", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

  test('edit, add a file, remove it, and save and submit in one go', async ({ page }) => {
    const suffix = randomUUID().slice(0, 6);
    await loginAs(page, TEST_PERSONS.schoolManager, '/aanmelden?terug=/aanvragen/nieuw');
    await saveDraftForNoor(page, `Vraag zonder JavaScript (${suffix}).`);
    await page.getByTestId('request').filter({ hasText: suffix }).getByRole('link', { name: /Werkversie bewerken/ }).click();
    const editUrl = page.url();
    await expect(page.getByText('Deze werkversie heeft geen bijlagen.')).toBeVisible();

    await page.getByLabel('Je vraag').fill(`Vraag zonder JavaScript, aangevuld (${suffix}).`);
    await page.getByLabel('Bijlagen toevoegen (niet verplicht)').setInputFiles({ name: 'zonder-js.pdf', mimeType: 'application/pdf', buffer: pdf('zonder js') });
    await page.getByRole('button', { name: 'Bewaar als werkversie' }).click();
    const request = page.getByTestId('request').filter({ hasText: `aangevuld (${suffix})` });
    await expect(request).toContainText('Werkversie');
    await expect(request.getByRole('link', { name: /zonder-js\.pdf/ })).toBeVisible();

    await page.goto(editUrl);
    await page.getByRole('button', { name: 'Verwijderen: zonder-js.pdf' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'De bijlage is verwijderd.' })).toBeVisible();
    await expect(page.getByText('Deze werkversie heeft geen bijlagen.')).toBeVisible();
    await expectFits360(page);

    // The server's errors in Dutch, the typed text kept; then 'Indienen' saves and submits.
    await page.getByLabel('Je vraag').fill('');
    await page.getByRole('button', { name: 'Indienen' }).click();
    await expect(page.getByText('Beschrijf je vraag.')).toBeVisible();
    await expect(page.getByLabel('Soort aanvraag')).toHaveValue('advice');
    await page.getByLabel('Je vraag').fill(`Vraag zonder JavaScript, ingediend (${suffix}).`);
    await page.getByRole('button', { name: 'Indienen' }).click();
    await expect(page.getByText('De aanvraag is ingediend bij het leersteuncentrum.')).toBeVisible();
    const sent = page.getByTestId('request').filter({ hasText: `ingediend (${suffix})` });
    await expect(sent).toContainText('Ingediend');
    await expect(sent.getByRole('link')).toHaveCount(0);
  });
});
