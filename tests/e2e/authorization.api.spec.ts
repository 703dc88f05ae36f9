import { expect, test } from '@playwright/test';
import { TEST_PERSONS } from '@/tooling/demo/test-persons';
import { E2E_PERSONS, TARGET_COMPLETED, TARGET_COMPLETED_FILE, TARGET_DOSSIER, TARGET_DRAFT, TARGET_DRAFT_FILE, UNKNOWN_DOSSIER } from './support/actors';
import { loginOverHttp } from './support/http-session';
import { mailsTo, waitForMail } from './support/mailbox';
import { E2E } from './support/ports';
import { actionId, buildActions, callAction, callFormAction } from './support/server-actions';
import { MATRIX_DEPARTMENT } from './support/seed-actors';
import { CONTACTS_ACTIONS_FILE, DOSSIER_ACTIONS_FILE, NEW_REQUEST_ACTIONS_FILE, NO_SUCH_ID, dossierActions, staffActions } from './support/staff-actions';
import { DEMO_CENTRE, DEMO_SCHOOLS, demoId } from '@/tooling/demo/demo-data';

/**
 * The permission table of DOMAIN.md, written out: what each actor gets from every page and
 * every server action that takes a dossier id, called directly against the server.
 *   ok   = 200 (pages) / the action ran (actions)
 *   login = redirect to /aanmelden (anonymous, pages only)
 *   404  = not found, identical to a dossier that does not exist
 */
type Expect = 'ok' | 'login' | '404';
/**
 * write  = entries and request work (centre staff in scope only)
 * submit = 'Indienen', 'Werkversie bewerken' and removing a draft's attachment, on a request of
 *          this dossier (its school's or department's manager only)
 * newRequest = 'Nieuwe aanvraag' (any school or department manager; the student is checked inside)
 */
type Row = { requests: Expect; dossier: Expect; contacts: Expect; log: Expect; manage: Expect; write: Expect; submit: Expect; newRequest: Expect };

const staff = { requests: 'ok', dossier: 'ok', contacts: 'ok', log: 'ok', manage: 'ok' } as const;
const centreStaff: Row = { ...staff, write: 'ok', submit: '404', newRequest: '404' };
const manager: Row = { ...staff, write: '404', submit: 'ok', newRequest: 'ok' };
const outOfScopeManager: Row = { requests: 'ok', dossier: '404', contacts: '404', log: '404', manage: '404', write: '404', submit: '404', newRequest: 'ok' };
const readOnlyContact: Row = { requests: '404', dossier: 'ok', contacts: '404', log: '404', manage: '404', write: '404', submit: '404', newRequest: '404' };
const nobody: Row = { requests: '404', dossier: '404', contacts: '404', log: '404', manage: '404', write: '404', submit: '404', newRequest: '404' };

const MATRIX: { actor: string; sub: string | null; row: Row }[] = [
  { actor: 'anonymous', sub: null, row: { ...nobody, requests: 'login', dossier: 'login', contacts: 'login', log: 'login' } },
  { actor: 'centre staff', sub: TEST_PERSONS.centreStaff.sub, row: centreStaff },
  { actor: "school manager of the student's school", sub: TEST_PERSONS.schoolManager.sub, row: manager },
  { actor: 'school manager of another school', sub: E2E_PERSONS.otherSchoolManager.sub, row: outOfScopeManager },
  { actor: 'department manager of another department', sub: TEST_PERSONS.departmentManager.sub, row: outOfScopeManager },
  { actor: 'parent of this student', sub: TEST_PERSONS.parent.sub, row: { ...readOnlyContact, contacts: 'ok' } },
  { actor: 'parent of another student', sub: E2E_PERSONS.otherParent.sub, row: nobody },
  { actor: 'teacher with access', sub: E2E_PERSONS.teacher.sub, row: readOnlyContact },
  { actor: 'CLB with access', sub: E2E_PERSONS.clb.sub, row: readOnlyContact },
  { actor: 'care provider with access', sub: E2E_PERSONS.careProvider.sub, row: readOnlyContact },
  { actor: 'teacher without access', sub: E2E_PERSONS.teacherWithout.sub, row: nobody },
  { actor: 'contact whose access was revoked', sub: E2E_PERSONS.revoked.sub, row: nobody },
  { actor: 'parent awaiting confirmation (the itsme name did not match)', sub: E2E_PERSONS.awaiting.sub, row: nobody },
  { actor: 'parent refused by the centre', sub: E2E_PERSONS.refused.sub, row: nobody },
];

/** Every server action that takes a dossier id, with harmless arguments (unknown sub-ids). */
const ACTIONS = staffActions('matrix@voorbeeld.be');
const DOSSIER_ACTIONS = dossierActions();

/** The page's <main>, the part that must not differ between "unknown" and "not yours". */
function mainOf(html: string): string {
  return /<main[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1] ?? '';
}

async function get(path: string, cookie: string | undefined) {
  const response = await fetch(`${E2E.appUrl}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  return { status: response.status, location: response.headers.get('location') ?? '', body: await response.text() };
}

function expectPage(result: { status: number; location: string }, expected: Expect, what: string) {
  if (expected === 'ok') expect(result.status, what).toBe(200);
  if (expected === '404') expect(result.status, what).toBe(404);
  if (expected === 'login') {
    expect(result.status, what).toBe(307);
    expect(result.location, what).toContain('/aanmelden?terug=');
  }
}

for (const { actor, sub, row } of MATRIX) {
  test(`authorization matrix: ${actor}`, async () => {
    const cookie = sub ? (await loginOverHttp(E2E.appUrl, sub)).cookie : undefined;
    expectPage(await get('/aanvragen', cookie), row.requests, `${actor} · Beheer aanvragen`);
    const pages = { dossier: '', contacts: '/contacten', log: '/logboek' } as const;
    for (const [key, suffix] of Object.entries(pages) as [keyof typeof pages, string][]) {
      const target = await get(`/dossiers/${TARGET_DOSSIER}${suffix}`, cookie);
      expectPage(target, row[key], `${actor} · /dossiers/<id>${suffix}`);
      const unknown = await get(`/dossiers/${UNKNOWN_DOSSIER}${suffix}`, cookie);
      const malformed = await get(`/dossiers/not-a-uuid${suffix}`, cookie);
      if (row[key] === '404') {
        // Out of reach and non-existent are indistinguishable.
        expect(unknown.status).toBe(404);
        expect(mainOf(target.body)).toBe(mainOf(unknown.body));
        expect(mainOf(malformed.body)).toBe(mainOf(unknown.body));
      }
    }
    // 'Nodig iemand nieuw uit' as a page (before JavaScript): whoever may manage the contacts; a login first for the anonymous.
    const invite = sub ? row.manage : 'login';
    for (const query of ['', '?rol=ouder']) {
      const target = await get(`/dossiers/${TARGET_DOSSIER}/contacten/uitnodigen${query}`, cookie);
      expectPage(target, invite, `${actor} · /dossiers/<id>/contacten/uitnodigen${query}`);
      if (invite === '404') expect(mainOf(target.body)).toBe(mainOf((await get(`/dossiers/${UNKNOWN_DOSSIER}/contacten/uitnodigen${query}`, cookie)).body));
      if (invite === 'ok') expect(target.body).toContain(query ? 'Nodig een ouder uit' : 'Wie wil je uitnodigen?');
    }
    for (const action of ACTIONS) {
      const id = actionId(CONTACTS_ACTIONS_FILE, action.name);
      const result = await callAction(E2E.appUrl, `/dossiers/${TARGET_DOSSIER}/contacten`, id, action.args(TARGET_DOSSIER), cookie);
      const what = `${actor} · ${action.name}`;
      if (row.manage === 'ok') {
        expect(result.status, what).toBe(200);
      } else {
        expect(result.status, what).toBe(404);
        const unknown = await callAction(E2E.appUrl, `/dossiers/${UNKNOWN_DOSSIER}/contacten`, id, action.args(UNKNOWN_DOSSIER), cookie);
        expect(unknown.status, `${what} (unknown dossier)`).toBe(404);
      }
    }
    for (const action of DOSSIER_ACTIONS) {
      const id = actionId(DOSSIER_ACTIONS_FILE, action.name);
      const result = await callAction(E2E.appUrl, `/dossiers/${TARGET_DOSSIER}`, id, action.args(TARGET_DOSSIER), cookie);
      const what = `${actor} · ${action.name}`;
      expect(result.status, what).toBe(row[action.needs] === 'ok' ? 200 : 404);
      if (row[action.needs] === 'ok') expect(result.body, what).toContain('Er ging iets mis');
      const unknown = await callAction(E2E.appUrl, `/dossiers/${UNKNOWN_DOSSIER}`, id, action.args(UNKNOWN_DOSSIER), cookie);
      expect(unknown.status, `${what} (unknown dossier)`).toBe(404);
    }
    const created = await callAction(E2E.appUrl, '/aanvragen/nieuw', actionId(NEW_REQUEST_ACTIONS_FILE, 'createRequestAction'), [null, { type: 'advice' }], cookie);
    expect(created.status, `${actor} · createRequestAction`).toBe(row.newRequest === 'ok' ? 200 : 404);
    const download = await get(`/dossiers/${TARGET_DOSSIER}/bijlagen/${UNKNOWN_DOSSIER}`, cookie);
    expect(download.status, `${actor} · unknown attachment`).toBe(404);
  });
}

// ── 'Werkversie bewerken' on a real draft (issue 12) ─────────────────────────────────────────
const DRAFT_PAGE = `/dossiers/${TARGET_DOSSIER}/werkversie/${TARGET_DRAFT}`;
const draftForm = (studentId: string) => ({ studentMode: 'existing', studentId, type: 'advice', description: 'Overschreven door de matrix.', intent: 'draft' });

test("'Werkversie bewerken' and removing a draft's file, posted as real forms: refused to a parent, the centre and other schools' managers; a submitted request is refused in Dutch", async () => {
  const edit = actionId(DOSSIER_ACTIONS_FILE, 'editDraftAction');
  const remove = actionId(DOSSIER_ACTIONS_FILE, 'removeDraftAttachmentAction');
  const post = (id: string, requestId: string, fields: Record<string, string>, cookie: string) =>
    callFormAction(E2E.appUrl, `/dossiers/${TARGET_DOSSIER}`, id, [TARGET_DOSSIER, requestId, null], fields, cookie);
  const student = demoId('student:0');
  const school = (await loginOverHttp(E2E.appUrl, TEST_PERSONS.schoolManager.sub)).cookie;
  const before = await get(DRAFT_PAGE, school);
  expect(before.status).toBe(200);
  expect(before.body).toContain('matrix-werkversie.pdf');

  const refused = [
    ['parent of this student', TEST_PERSONS.parent.sub],
    ['centre staff', TEST_PERSONS.centreStaff.sub],
    ['school manager of another school', E2E_PERSONS.otherSchoolManager.sub],
    ['department manager of another department', TEST_PERSONS.departmentManager.sub],
  ] as const;
  for (const [actor, sub] of refused) {
    const cookie = (await loginOverHttp(E2E.appUrl, sub)).cookie;
    expect((await get(DRAFT_PAGE, cookie)).status, `${actor} · the page`).toBe(404);
    expect((await post(edit, TARGET_DRAFT, draftForm(student), cookie)).status, `${actor} · editDraftAction`).toBe(404);
    expect((await post(edit, TARGET_DRAFT, { ...draftForm(student), intent: 'submit' }, cookie)).status, `${actor} · editDraftAction, submit`).toBe(404);
    expect((await post(remove, TARGET_DRAFT, { attachmentId: TARGET_DRAFT_FILE }, cookie)).status, `${actor} · remove a draft's file`).toBe(404);
    expect((await post(remove, TARGET_COMPLETED, { attachmentId: TARGET_COMPLETED_FILE }, cookie)).status, `${actor} · remove a submitted file`).toBe(404);
  }
  const after = await get(DRAFT_PAGE, school);
  expect(after.body).toContain('matrix-werkversie.pdf');
  expect(after.body).toContain('Vraag naar ondersteuning bij lezen en plannen.');
  expect(after.body).not.toContain('Overschreven door de matrix.');

  // The same posts by the student's own school manager reach the action (and change nothing here).
  const otherStudent = await post(edit, TARGET_DRAFT, draftForm(demoId('student:1')), school);
  expect(otherStudent.status).toBe(200);
  expect(otherStudent.body).toContain('Een werkversie blijft bij haar leerling.');
  const notItsFile = await post(remove, TARGET_DRAFT, { attachmentId: TARGET_COMPLETED_FILE }, school);
  expect(notItsFile.body).toContain('Deze bijlage bestaat niet (meer) bij deze werkversie.');
  // A submitted (here: completed) request is no draft: refused in Dutch, its file stays.
  for (const fields of [draftForm(student), { ...draftForm(student), intent: 'submit' }]) {
    const edited = await post(edit, TARGET_COMPLETED, fields, school);
    expect(edited.status).toBe(200);
    expect(edited.body).toContain('Deze aanvraag is al ingediend en kan niet meer gewijzigd worden');
  }
  const removed = await post(remove, TARGET_COMPLETED, { attachmentId: TARGET_COMPLETED_FILE }, school);
  expect(removed.body).toContain('Deze aanvraag is al ingediend en kan niet meer gewijzigd worden');
  expect((await get(`/dossiers/${TARGET_DOSSIER}/bijlagen/${TARGET_COMPLETED_FILE}`, school)).status).toBe(200);
  expect((await get(`/dossiers/${TARGET_DOSSIER}/bijlagen/${TARGET_DRAFT_FILE}`, school)).status).toBe(200);
});

// ── 'Beheer organisatie' (DOMAIN.md, 'The organisation and its requests') ───────────────────
/** The units the organisation matrix acts on, and one that does not exist. */
const UNITS = {
  centre: { kind: 'centre', id: DEMO_CENTRE.id, page: '/organisatie' },
  /** The school manager's school (the target dossier's). */
  school: { kind: 'school', id: DEMO_SCHOOLS[0].id, page: `/organisatie/scholen/${DEMO_SCHOOLS[0].id}` },
  /** The other school manager's school, holding the department manager's department. */
  otherSchool: { kind: 'school', id: DEMO_SCHOOLS[1].id, page: `/organisatie/scholen/${DEMO_SCHOOLS[1].id}` },
  /** A department of the school manager's school. */
  department: { kind: 'department', id: MATRIX_DEPARTMENT, page: `/organisatie/afdelingen/${MATRIX_DEPARTMENT}` },
  /** The department manager's department, in the other school. */
  otherDepartment: {
    kind: 'department',
    id: DEMO_SCHOOLS[1].departments[0].id,
    page: `/organisatie/afdelingen/${DEMO_SCHOOLS[1].departments[0].id}`,
  },
} as const;
type UnitKey = keyof typeof UNITS;
const UNKNOWN_UNITS = [
  { kind: 'school', id: UNKNOWN_DOSSIER, page: `/organisatie/scholen/${UNKNOWN_DOSSIER}` },
  { kind: 'department', id: UNKNOWN_DOSSIER, page: `/organisatie/afdelingen/${UNKNOWN_DOSSIER}` },
] as const;

/** What each actor is to the organisation, written out from DOMAIN.md (not read from the permission table). */
type OrgProfile = 'anonymous' | 'centre' | 'school' | 'otherSchool' | 'nobody';
const ORG_PROFILE: Record<string, OrgProfile> = {
  anonymous: 'anonymous',
  'centre staff': 'centre',
  "school manager of the student's school": 'school',
  'school manager of another school': 'otherSchool',
};

/** Opening a unit's page: centre staff everything; a school manager their school and its departments. */
function orgPage(profile: OrgProfile, unit: UnitKey | 'unknown'): Expect {
  if (profile === 'anonymous') return 'login';
  if (unit === 'unknown' || profile === 'nobody') return '404';
  if (profile === 'centre') return 'ok';
  // /organisatie lists a school manager's schools.
  const own: Record<'school' | 'otherSchool', UnitKey[]> = { school: ['centre', 'school', 'department'], otherSchool: ['centre', 'otherSchool', 'otherDepartment'] };
  return own[profile].includes(unit) ? 'ok' : '404';
}
/** Add, rename, deactivate: centre staff only. */
const unitsManage = (profile: OrgProfile, unit: UnitKey | 'unknown'): Expect => (profile === 'centre' && unit !== 'unknown' ? 'ok' : '404');
/** Invite, resend, cancel, retry, delivery states, remove staff: centre staff on every unit; a school manager on their school's departments. */
function staffManage(profile: OrgProfile, unit: UnitKey | 'unknown'): Expect {
  if (unit === 'unknown') return '404';
  if (profile === 'centre') return 'ok';
  if (profile === 'school') return unit === 'department' ? 'ok' : '404';
  if (profile === 'otherSchool') return unit === 'otherDepartment' ? 'ok' : '404';
  return '404';
}

/** 'Koppel opnieuw': centre staff, on their centre only. */
const peopleRelink = (profile: OrgProfile, unit: UnitKey | 'unknown'): Expect => (profile === 'centre' && unit === 'centre' ? 'ok' : '404');
const GROUP_RULE = { units: unitsManage, staff: staffManage, relink: peopleRelink } as const;

const ROLE_OF: Record<string, string> = { centre: 'centre_staff', school: 'school_manager', department: 'department_manager' };
const ORG_ACTIONS_FILE = 'app/organisatie/actions.ts';
type UnitRefArg = { kind: string; id: string };
/** Every 'Beheer organisatie' action with harmless arguments (an empty name, unknown row ids, an unchecked send). */
const ORG_ACTIONS: { name: string; group: keyof typeof GROUP_RULE; args: (ref: UnitRefArg) => unknown[]; only?: UnitKey }[] = [
  { name: 'addUnitAction', group: 'units', args: (ref) => [ref, { status: 'idle' }, null] },
  { name: 'renameUnitAction', group: 'units', args: (ref) => [ref, { status: 'idle' }, null] },
  // Deactivation is real: only the matrix's own department is ever the target.
  { name: 'deactivateUnitAction', group: 'units', args: (ref) => [ref], only: 'department' },
  { name: 'checkStaffInviteAction', group: 'staff', args: (ref) => [ref, { role: ROLE_OF[ref.kind], email: 'matrix@voorbeeld.be' }] },
  { name: 'sendStaffInviteAction', group: 'staff', args: (ref) => [ref, { role: ROLE_OF[ref.kind], email: 'matrix@voorbeeld.be', checkToken: 'x' }] },
  { name: 'resendStaffInviteAction', group: 'staff', args: (ref) => [ref, NO_SUCH_ID] },
  { name: 'cancelStaffInviteAction', group: 'staff', args: (ref) => [ref, NO_SUCH_ID] },
  { name: 'retryStaffMailAction', group: 'staff', args: (ref) => [ref, NO_SUCH_ID] },
  // Read-only: the delivery state of the unit's open invitations ('In wachtrij' without a reload).
  { name: 'staffDeliveryStatesAction', group: 'staff', args: (ref) => [ref] },
  { name: 'endMembershipAction', group: 'staff', args: (ref) => [ref, NO_SUCH_ID] },
  // Unknown persons: refused in Dutch (200) for centre staff on their centre, 404 for everyone else.
  { name: 'relinkIdentityAction', group: 'relink', args: (ref) => [ref, NO_SUCH_ID, UNKNOWN_DOSSIER] },
  // The invitation page's form (before JavaScript); a plain object instead of a FormData sends nothing.
  { name: 'staffInviteFormAction', group: 'staff', args: (ref) => [ref, null, { step: 'send', role: ROLE_OF[ref.kind], email: 'matrix@voorbeeld.be', checkToken: 'x' }] },
];

for (const { actor, sub } of MATRIX) {
  const profile = ORG_PROFILE[actor] ?? 'nobody';
  test(`organisation matrix: ${actor}`, async () => {
    const cookie = sub ? (await loginOverHttp(E2E.appUrl, sub)).cookie : undefined;
    const unknownPage = await get(UNKNOWN_UNITS[0].page, cookie);
    for (const key of Object.keys(UNITS) as UnitKey[]) {
      const result = await get(UNITS[key].page, cookie);
      const expected = orgPage(profile, key);
      expectPage(result, expected, `${actor} · ${UNITS[key].page}`);
      // Not yours and non-existent are indistinguishable.
      if (expected === '404') expect(mainOf(result.body)).toBe(mainOf(unknownPage.body));
    }
    for (const unknown of UNKNOWN_UNITS) expectPage(await get(unknown.page, cookie), orgPage(profile, 'unknown'), `${actor} · ${unknown.page}`);
    // 'Nodig iemand nieuw uit' as a page (before JavaScript): whoever may manage the unit's staff.
    const unknownInvite = await get(`${UNKNOWN_UNITS[0].page}/uitnodigen`, cookie);
    for (const key of Object.keys(UNITS) as UnitKey[]) {
      const path = `${UNITS[key].page}/uitnodigen`;
      const result = await get(path, cookie);
      const expected = profile === 'anonymous' ? 'login' : staffManage(profile, key);
      if (expected === 'ok' && result.status === 307) {
        // The matrix's department is deactivated by the centre staff's run: its page takes no new staff.
        expect(key, `${actor} · ${path}`).toBe('department');
        expect(result.location, `${actor} · ${path}`).toContain(UNITS[key].page);
        continue;
      }
      expectPage(result, expected, `${actor} · ${path}`);
      if (expected === '404') expect(mainOf(result.body)).toBe(mainOf(unknownInvite.body));
    }
    expectPage(await get('/organisatie/scholen/not-a-uuid', cookie), orgPage(profile, 'unknown'), `${actor} · malformed school id`);

    for (const action of ORG_ACTIONS) {
      const id = actionId(ORG_ACTIONS_FILE, action.name);
      const targets: (UnitKey | 'unknown')[] = [...(action.only ? [action.only] : (Object.keys(UNITS) as UnitKey[])), 'unknown'];
      for (const key of targets) {
        const ref = key === 'unknown' ? { kind: 'school', id: UNKNOWN_DOSSIER } : { kind: UNITS[key].kind, id: UNITS[key].id };
        const result = await callAction(E2E.appUrl, '/organisatie', id, action.args(ref), cookie);
        const expected = GROUP_RULE[action.group](profile, key);
        expect(result.status, `${actor} · ${action.name} on ${key}`).toBe(expected === 'ok' ? 200 : 404);
      }
    }
    // The 'Koppel opnieuw' page: centre staff only, the same 404 as an unknown unit for anyone else.
    const relinkPage = await get(RELINK_PAGE, cookie);
    const relinkExpected: Expect = profile === 'anonymous' ? 'login' : profile === 'centre' ? 'ok' : '404';
    expectPage(relinkPage, relinkExpected, `${actor} · ${RELINK_PAGE}`);
    if (relinkExpected === '404') expect(mainOf(relinkPage.body)).toBe(mainOf(unknownPage.body));

    // A malformed unit reference is the same 404.
    const malformed = await callAction(E2E.appUrl, '/organisatie', actionId(ORG_ACTIONS_FILE, 'endMembershipAction'), [{ kind: 'dossier', id: TARGET_DOSSIER }, NO_SUCH_ID], cookie);
    expect(malformed.status, `${actor} · malformed unit`).toBe(404);
  });
}

const RELINK_PAGE = '/organisatie/koppel-opnieuw';

test("'Koppel opnieuw' called directly: bad input is refused in Dutch and changes nothing; a school manager and a contact get the 404", async () => {
  const id = actionId(ORG_ACTIONS_FILE, 'relinkIdentityAction');
  const centre = { kind: 'centre', id: DEMO_CENTRE.id };
  const user = (p: { sub: string }) => demoId(`user:${p.sub}`);
  const staff = (await loginOverHttp(E2E.appUrl, TEST_PERSONS.centreStaff.sub)).cookie;
  const call = (cookie: string, known: unknown, fresh: unknown, ref: unknown = centre) => callAction(E2E.appUrl, RELINK_PAGE, id, [ref, known, fresh], cookie);
  // Every refusal answers with one text (issue 22, point 2): staff learn nothing of other accounts.
  const REFUSED = 'Opnieuw koppelen kan niet voor deze twee accounts.';
  const refusals: [string, unknown, unknown, string][] = [
    ['the same person twice', user(E2E_PERSONS.teacher), user(E2E_PERSONS.teacher), REFUSED],
    ['an unknown old person', NO_SUCH_ID, user(E2E_PERSONS.teacherWithout), REFUSED],
    ['an old person without access in the centre (out of scope)', user(E2E_PERSONS.teacherWithout), user(E2E_PERSONS.revoked), REFUSED],
    ['a new person who already has access', user(E2E_PERSONS.teacher), user(E2E_PERSONS.clb), REFUSED],
    ['malformed ids', 'x', { id: 1 }, REFUSED],
  ];
  for (const [what, known, fresh, message] of refusals) {
    const result = await call(staff, known, fresh);
    expect(result.status, what).toBe(200);
    expect(result.body, what).toContain(message);
    expect(result.body, what).not.toContain('meldt zich voortaan aan');
  }
  // Staff without the permission, out of their scope, and a contact: the 404 before anything is read.
  for (const sub of [TEST_PERSONS.schoolManager.sub, E2E_PERSONS.otherSchoolManager.sub, TEST_PERSONS.departmentManager.sub, TEST_PERSONS.parent.sub, E2E_PERSONS.teacher.sub]) {
    const cookie = (await loginOverHttp(E2E.appUrl, sub)).cookie;
    const result = await call(cookie, user(E2E_PERSONS.teacher), user(E2E_PERSONS.teacherWithout));
    expect(result.status, sub).toBe(404);
    expect(result.body, sub).not.toContain(REFUSED);
  }
  // Centre staff on a school (the permission is the centre's) and on an unknown centre: 404.
  expect((await call(staff, NO_SUCH_ID, UNKNOWN_DOSSIER, { kind: 'school', id: DEMO_SCHOOLS[0].id })).status).toBe(404);
  expect((await call(staff, NO_SUCH_ID, UNKNOWN_DOSSIER, { kind: 'centre', id: UNKNOWN_DOSSIER })).status).toBe(404);
});

/**
 * Server actions that take neither a dossier nor a unit, with the spec that holds their rule.
 * Every other action of the build must be in ACTIONS or ORG_ACTIONS above: a new action fails
 * the test below until the matrix (or this list, with its own tests) covers it.
 */
const OWN_RULES: Record<string, string> = {
  'app/aanmelden/actions.ts#signInWithItsme': 'public: starts the itsme login (shell.spec.ts)',
  'app/actions/sign-out.ts#signOutAction': "ends only the caller's own session (shell.spec.ts)",
  'app/uitnodiging/[token]/actions.ts#acceptInvitationAction': 'needs a session and a live token (security-probes.api.spec.ts, invitations.spec.ts)',
};

test('authorization matrix: every server action of the build is in the matrix or has its own rule', () => {
  const covered = new Set([
    ...ACTIONS.map((a) => `${CONTACTS_ACTIONS_FILE}#${a.name}`),
    ...ORG_ACTIONS.map((a) => `${ORG_ACTIONS_FILE}#${a.name}`),
    ...DOSSIER_ACTIONS.map((a) => `${DOSSIER_ACTIONS_FILE}#${a.name}`),
    `${NEW_REQUEST_ACTIONS_FILE}#createRequestAction`,
    ...Object.keys(OWN_RULES),
  ]);
  const actions = buildActions();
  expect(actions.filter((a) => !covered.has(a))).toEqual([]);
  expect([...covered].filter((a) => !actions.includes(a))).toEqual([]);
});

// ── 'Nodig iemand nieuw uit' as a page: its native form post, sent by others ───────────────
/** The hidden fields of the page's invite form as the server rendered it (the bound server action and its arguments). */
function hiddenFields(html: string): [string, string][] {
  const form = [...html.matchAll(/<form[^>]*>([\s\S]*?)<\/form>/g)].map((m) => m[1]!).find((f) => f.includes('name="email"')) ?? '';
  const unescape = (v: string) => v.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return [...form.matchAll(/<input([^>]*)>/g)]
    .map(([, attrs]) => Object.fromEntries([...attrs!.matchAll(/([\w$:-]+)="([^"]*)"/g)].map(([, k, v]) => [k!, unescape(v!)])))
    .filter((a) => a.type === 'hidden' && a.name)
    .map((a) => [a.name!, a.value ?? '']);
}

/** Posts the form the way a browser without JavaScript does (multipart, no Next-Action header). */
async function postForm(path: string, fields: [string, string][], cookie: string | undefined) {
  const body = new FormData();
  for (const [name, value] of fields) body.append(name, value);
  const response = await fetch(`${E2E.appUrl}${path}`, { method: 'POST', redirect: 'manual', body, headers: { Origin: E2E.appUrl, ...(cookie ? { cookie } : {}) } });
  return { status: response.status, location: response.headers.get('location') ?? '', body: await response.text() };
}

test("the invitation page's native form post: Check and Verstuur for staff in scope; a contact, another school's manager or nobody gets the 404 and nothing is sent", async () => {
  const address = `zonderjs.matrix.${Date.now().toString(36)}@gmail.com`;
  const path = `/dossiers/${TARGET_DOSSIER}/contacten/uitnodigen?rol=ouder`;
  const staffCookie = (await loginOverHttp(E2E.appUrl, TEST_PERSONS.centreStaff.sub)).cookie;
  const page = await get(path, staffCookie);
  expect(page.status).toBe(200);
  const bound = hiddenFields(page.body);
  // The action with its dossier bound on the server (Next encrypts bound arguments), and the role.
  expect(bound.some(([name]) => name.startsWith('$ACTION_'))).toBe(true);
  expect(bound).toContainEqual(['role', 'parent']);

  const checked = await postForm(path, [...bound, ['email', address], ['step', 'check']], staffCookie);
  expect(checked.status).toBe(200);
  expect(checked.body).toContain('Het adres is in orde');
  const withToken = hiddenFields(checked.body);
  const token = withToken.find(([name]) => name === 'checkToken')?.[1];
  expect(token).toBeTruthy();
  const send: [string, string][] = [...withToken, ['email', address], ['expectedName', ''], ['locale', 'nl'], ['step', 'send']];

  const others = [TEST_PERSONS.parent.sub, E2E_PERSONS.teacher.sub, E2E_PERSONS.otherSchoolManager.sub, TEST_PERSONS.departmentManager.sub, null];
  for (const sub of others) {
    const cookie = sub ? (await loginOverHttp(E2E.appUrl, sub)).cookie : undefined;
    for (const fields of [[...bound, ['email', address], ['step', 'check']] as [string, string][], send]) {
      const refused = await postForm(path, fields, cookie);
      expect(refused.status, `${sub ?? 'anonymous'} · ${fields.at(-1)![1]}`).toBe(404);
    }
  }
  expect(await mailsTo(address)).toHaveLength(0);

  // The staff member's own Verstuur (refused, had any post above made an open invitation for the
  // address): back to 'Beheer contacten', which confirms it; the mail goes out.
  const sent = await postForm(path, send, staffCookie);
  expect(sent.status).toBe(303);
  expect(sent.location).toMatch(new RegExp(`/dossiers/${TARGET_DOSSIER}/contacten\\?uitgenodigd=[0-9a-f-]{36}$`));
  const confirmed = await get(new URL(sent.location, E2E.appUrl).pathname + new URL(sent.location, E2E.appUrl).search, staffCookie);
  expect(confirmed.body).toContain(`Uitnodiging verstuurd naar ${address}.`);
  await waitForMail(address);
});
