/**
 * The itsme stand-in's fixed test persons. The demo seed binds staff memberships and a
 * dossier contact to these `sub` values, and the stand-in offers each one as a button.
 * Fictitious people; the subs are stable so the seed and the stand-in agree.
 */
export type TestPerson = {
  sub: string;
  givenName: string;
  familyName: string;
  email: string;
  /** Shown on the stand-in's button after the name. */
  description: string;
};

export const TEST_PERSONS = {
  centreStaff: {
    sub: 'standin-sofie-janssens',
    givenName: 'Sofie',
    familyName: 'Janssens',
    email: 'sofie.janssens@leersteuncentrum.example',
    description: 'medewerker leersteuncentrum',
  },
  schoolManager: {
    sub: 'standin-pieter-peeters',
    givenName: 'Pieter',
    familyName: 'Peeters',
    email: 'pieter.peeters@school-de-linde.example',
    description: 'schoolverantwoordelijke Basisschool De Linde',
  },
  departmentManager: {
    sub: 'standin-an-maes',
    givenName: 'An',
    familyName: 'Maes',
    email: 'an.maes@atheneum-zonnedal.example',
    description: 'afdelingsverantwoordelijke Atheneum Zonnedal, eerste graad',
  },
  parent: {
    sub: 'standin-koen-willems',
    givenName: 'Koen',
    familyName: 'Willems',
    email: 'koen.willems@ouders.example',
    description: 'ouder, al gekoppeld aan een dossier',
  },
} as const satisfies Record<string, TestPerson>;

export type TestPersonKey = keyof typeof TEST_PERSONS;
export const testPersonList: TestPerson[] = Object.values(TEST_PERSONS);
