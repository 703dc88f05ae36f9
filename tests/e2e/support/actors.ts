import { TEST_PERSONS, type TestPerson } from '@/tooling/demo/test-persons';
import { demoId } from '@/tooling/demo/demo-data';

/**
 * The people of the e2e authorization matrix. The stand-in's four fixed persons plus extra
 * stand-in persons that the e2e seed (seed-actors.ts) gives their grants.
 */
const extra = (key: string, givenName: string, familyName: string, description: string): TestPerson => ({
  sub: `e2e-${key}`,
  givenName,
  familyName,
  email: `${key}@e2e.example`,
  description,
});

export const E2E_PERSONS = {
  otherSchoolManager: extra('school-other', 'Olga', 'Anderschool', 'schoolverantwoordelijke van een andere school'),
  otherParent: extra('parent-other', 'Omar', 'Anderkind', 'ouder van een andere leerling'),
  teacher: extra('teacher', 'Tine', 'Klasmans', 'leerkracht met toegang'),
  teacherWithout: extra('teacher-none', 'Tom', 'Zondertoegang', 'leerkracht zonder toegang'),
  clb: extra('clb', 'Carla', 'Begeleiding', 'CLB-medewerker met toegang'),
  careProvider: extra('care', 'Zeno', 'Zorgzaam', 'zorgverstrekker met toegang'),
  revoked: extra('revoked', 'Rik', 'Ingetrokken', 'ouder wiens toegang werd ingetrokken'),
  awaiting: extra('awaiting', 'Wim', 'Wachtend', 'aanvaardde een uitnodiging, wacht op bevestiging'),
  refused: extra('refused', 'Rosa', 'Geweigerd', 'aanvaardde een uitnodiging, werd geweigerd'),
  /** A second centre staff member, so not every test spends the first one's Check limit. */
  secondStaff: extra('staff-2', 'Stien', 'Tweedemedewerker', 'tweede medewerker leersteuncentrum'),
  /** Parent of the story dossier (dossier-work.spec.ts): sees what the centre shares there. */
  storyParent: extra('parent-story', 'Sara', 'Olijfhout', 'ouder van Noor Olijfhout'),
  /** Parents of the other dossier who re-create their itsme account (relink.spec.ts: with and without JavaScript). */
  relinkParent: extra('parent-relink', 'Ria', 'Herkoppel', 'ouder die haar itsme-account opnieuw aanmaakt'),
  relinkParentNoScript: extra('parent-relink-nojs', 'Jos', 'Zonderscript', 'ouder die zijn itsme-account opnieuw aanmaakt'),
} as const;

export const ALL_E2E_PERSONS: TestPerson[] = [...Object.values(TEST_PERSONS), ...Object.values(E2E_PERSONS)];

/** The dossier the matrix targets: the demo's first student (child of the seeded parent). */
export const TARGET_DOSSIER = demoId(`dossier:${demoId('student:0')}`);
/** Another demo dossier, of the other school (student 1). */
export const OTHER_DOSSIER = demoId(`dossier:${demoId('student:1')}`);
/** The dossier of the request story (dossier-work.spec.ts): student 2, Noor Olijfhout of Basisschool De Linde. */
export const STORY_DOSSIER = demoId(`dossier:${demoId('student:2')}`);
/** A well-formed id that matches no dossier. */
export const UNKNOWN_DOSSIER = '00000000-0000-4000-8000-000000000000';

/** The target dossier's two demo requests (tooling/demo/seed.ts): the school's 'Werkversie' and a completed one. */
export const TARGET_DRAFT = demoId(`request:${demoId('student:0')}:0`);
export const TARGET_COMPLETED = demoId(`request:${demoId('student:0')}:1`);
/** The attachment the e2e seed gives each of them (seed-actors.ts), for 'Werkversie bewerken' and its refusals. */
export const TARGET_DRAFT_FILE = demoId('attachment:e2e:draft');
export const TARGET_COMPLETED_FILE = demoId('attachment:e2e:completed');
