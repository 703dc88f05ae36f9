import { expect, type Page } from '@playwright/test';
import type { TestPerson } from '@/tooling/demo/test-persons';

/** Through the real pages: 'Aanmelden met itsme', the stand-in's button for this person, back. */
export async function loginAs(page: Page, person: TestPerson, startPath = '/aanmelden') {
  await page.goto(startPath);
  await page.getByRole('button', { name: 'Aanmelden met itsme' }).click();
  await page.getByRole('button', { name: `Aanmelden als ${person.givenName} ${person.familyName}` }).click();
  await expect(page.getByTestId('viewer-name')).toHaveText(`${person.givenName} ${person.familyName}`);
}

/** A newcomer: the stand-in's "Nieuwe persoon" form creates a fresh itsme identity. */
export async function registerNewPerson(page: Page, givenName: string, familyName: string) {
  await page.getByRole('button', { name: 'Aanmelden met itsme' }).click();
  await page.getByLabel('Voornaam').fill(givenName);
  await page.getByLabel('Familienaam').fill(familyName);
  await page.getByRole('button', { name: 'Aanmelden als nieuwe persoon' }).click();
  await expect(page.getByTestId('viewer-name')).toHaveText(`${givenName} ${familyName}`);
}
