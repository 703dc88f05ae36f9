import { createHash } from 'node:crypto';
import { TEST_PERSONS } from '@/tooling/demo/test-persons';
import type { RequestStatus, RequestType } from '@/lib/db/schema';

/** A stable UUID derived from a name, so the demo seed can be re-run without duplicates. */
export function demoId(name: string): string {
  const h = createHash('sha256').update(`diplon-demo:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const DEMO_CENTRE = { id: demoId('centre'), name: 'Leersteuncentrum De Regenboog (demo)' };

export const DEMO_SCHOOLS = [
  {
    id: demoId('school:linde'),
    name: 'Basisschool De Linde',
    departments: [
      { id: demoId('dept:linde:kleuter'), name: 'Kleuterschool' },
      { id: demoId('dept:linde:lager'), name: 'Lagere school' },
    ],
  },
  {
    id: demoId('school:zonnedal'),
    name: 'Atheneum Zonnedal',
    departments: [
      { id: demoId('dept:zonnedal:1'), name: 'Eerste graad' },
      { id: demoId('dept:zonnedal:2'), name: 'Tweede graad' },
    ],
  },
] as const;

/** Staff memberships of the stand-in's fixed persons. */
export const DEMO_STAFF = [
  { person: TEST_PERSONS.centreStaff, role: 'centre_staff', unit: DEMO_CENTRE.id },
  { person: TEST_PERSONS.schoolManager, role: 'school_manager', unit: DEMO_SCHOOLS[0].id },
  { person: TEST_PERSONS.departmentManager, role: 'department_manager', unit: DEMO_SCHOOLS[1].departments[0].id },
] as const;

// Clearly invented family names: no real pupil is meant.
const FAMILY_NAMES = [
  'Appelmans', 'Bosvriend', 'Cijferman', 'Dromers', 'Eikenblad', 'Fluitekruid', 'Grasspriet',
  'Hazelnoot', 'Inktvis', 'Jasmijns', 'Kastanje', 'Lindeboom', 'Maanzaad', 'Notelaar',
  'Olijfhout', 'Pimpernel', 'Quaggaert', 'Rietkraag', 'Sneeuwklok', 'Tulpenveld',
];
const GIVEN_NAMES = [
  'Lotte', 'Finn', 'Noor', 'Mathis', 'Ella', 'Vic', 'Marie', 'Lars', 'Fien', 'Seppe',
  'Lina', 'Wout', 'Julie', 'Kobe', 'Nina', 'Arthur', 'Zoë', 'Jules', 'Ines', 'Mila',
];

export type DemoStudent = {
  key: string;
  givenName: string;
  familyName: string;
  schoolIndex: 0 | 1;
  departmentIndex: 0 | 1;
  birthYear: number;
  className: string;
};

const STATUSES: RequestStatus[] = ['draft', 'submitted', 'in_progress', 'completed'];
const TYPES: RequestType[] = ['support_request', 'extension', 'advice'];

export const DEMO_STUDENT_COUNT = 40;

export function demoStudents(): DemoStudent[] {
  const list: DemoStudent[] = [];
  for (let i = 0; i < DEMO_STUDENT_COUNT; i++) {
    const schoolIndex = (i % 2) as 0 | 1;
    const departmentIndex = (Math.floor(i / 2) % 2) as 0 | 1;
    const primary = schoolIndex === 0;
    const age = primary ? (departmentIndex === 0 ? 4 : 8) + (i % 4) : 12 + (i % 4);
    list.push({
      key: `student:${i}`,
      givenName: GIVEN_NAMES[i % GIVEN_NAMES.length]!,
      familyName: FAMILY_NAMES[(i * 7) % FAMILY_NAMES.length]!,
      schoolIndex,
      departmentIndex,
      birthYear: 2026 - age,
      className: primary ? (departmentIndex === 0 ? `K${1 + (i % 3)}` : `L${1 + (i % 6)}`) : `${1 + (i % 2)}${'ABC'[i % 3]}`,
    });
  }
  // The seeded parent's child: makes "a parent already linked to a dossier" concrete.
  list[0] = { ...list[0]!, givenName: 'Lotte', familyName: TEST_PERSONS.parent.familyName };
  return list;
}

export function demoRequestsFor(index: number): { type: RequestType; status: RequestStatus; daysAgo: number }[] {
  const count = 1 + (index % 3 === 0 ? 1 : 0);
  return Array.from({ length: count }, (_, r) => ({
    type: TYPES[(index + r) % TYPES.length]!,
    status: STATUSES[(index + r * 3) % STATUSES.length]!,
    daysAgo: 3 + ((index * 11 + r * 40) % 330),
  }));
}

export const DEMO_ENTRY_TEMPLATES = [
  { kind: 'meeting', title: 'Intakegesprek', body: 'Kennismaking met leerling, ouders en klasleerkracht. Afspraken over de eerste ondersteuningsweken.' },
  { kind: 'note', title: 'Observatie in de klas', body: 'Leerling werkt geconcentreerd met een stappenplan; bij lange instructies haakt de leerling af.' },
  { kind: 'report', title: 'Handelingsplan', body: 'Doelen voor dit trimester: zelfstandig plannen van taken, gebruik van voorleessoftware.' },
  { kind: 'meeting', title: 'Evaluatiegesprek', body: 'De doelen zijn grotendeels bereikt. Ondersteuning wordt voortgezet met aandacht voor rekenen.' },
] as const;
