import { expect, test } from '@playwright/test';
import { TEST_PERSONS } from '@/tooling/demo/test-persons';
import { E2E_PERSONS, TARGET_DOSSIER, UNKNOWN_DOSSIER } from './support/actors';
import { loginOverHttp } from './support/http-session';
import { E2E } from './support/ports';
import { actionId, buildActions, callAction } from './support/server-actions';
import { CONTACTS_ACTIONS_FILE, staffActions } from './support/staff-actions';

/**
 * The permission table of DOMAIN.md, written out: what each actor gets from every page and
 * every server action that takes a dossier id, called directly against the server.
 *   ok   = 200 (pages) / the action ran (actions)
 *   login = redirect to /aanmelden (anonymous, pages only)
 *   404  = not found, identical to a dossier that does not exist
 */
type Expect = 'ok' | 'login' | '404';
type Row = { requests: Expect; dossier: Expect; contacts: Expect; log: Expect; manage: Expect };

const staff: Row = { requests: 'ok', dossier: 'ok', contacts: 'ok', log: 'ok', manage: 'ok' };
const outOfScopeStaff: Row = { requests: 'ok', dossier: '404', contacts: '404', log: '404', manage: '404' };
const readOnlyContact: Row = { requests: '404', dossier: 'ok', contacts: '404', log: '404', manage: '404' };
const nobody: Row = { requests: '404', dossier: '404', contacts: '404', log: '404', manage: '404' };

const MATRIX: { actor: string; sub: string | null; row: Row }[] = [
  { actor: 'anonymous', sub: null, row: { requests: 'login', dossier: 'login', contacts: 'login', log: 'login', manage: '404' } },
  { actor: 'centre staff', sub: TEST_PERSONS.centreStaff.sub, row: staff },
  { actor: "school manager of the student's school", sub: TEST_PERSONS.schoolManager.sub, row: staff },
  { actor: 'school manager of another school', sub: E2E_PERSONS.otherSchoolManager.sub, row: outOfScopeStaff },
  { actor: 'department manager of another department', sub: TEST_PERSONS.departmentManager.sub, row: outOfScopeStaff },
  { actor: 'parent of this student', sub: TEST_PERSONS.parent.sub, row: { ...readOnlyContact, contacts: 'ok' } },
  { actor: 'parent of another student', sub: E2E_PERSONS.otherParent.sub, row: nobody },
  { actor: 'teacher with access', sub: E2E_PERSONS.teacher.sub, row: readOnlyContact },
  { actor: 'CLB with access', sub: E2E_PERSONS.clb.sub, row: readOnlyContact },
  { actor: 'care provider with access', sub: E2E_PERSONS.careProvider.sub, row: readOnlyContact },
  { actor: 'teacher without access', sub: E2E_PERSONS.teacherWithout.sub, row: nobody },
  { actor: 'contact whose access was revoked', sub: E2E_PERSONS.revoked.sub, row: nobody },
];

/** Every server action that takes a dossier id, with harmless arguments (unknown sub-ids). */
const ACTIONS = staffActions('matrix@voorbeeld.be');

/**
 * Server actions that take no dossier id, with the spec that holds their rule. Every other
 * action of the build must be in ACTIONS above: a new action fails the test below until the
 * matrix (or this list, with its own tests) covers it.
 */
const OWN_RULES: Record<string, string> = {
  'app/aanmelden/actions.ts#signInWithItsme': 'public: starts the itsme login (shell.spec.ts)',
  'app/actions/sign-out.ts#signOutAction': 'ends only the caller\'s own session (shell.spec.ts)',
  'app/uitnodiging/[token]/actions.ts#acceptInvitationAction': 'needs a session and a live token (security-probes.api.spec.ts, invitations.spec.ts)',
};

test('authorization matrix: every server action of the build is in the matrix or has its own rule', () => {
  const covered = new Set([...ACTIONS.map((a) => `${CONTACTS_ACTIONS_FILE}#${a.name}`), ...Object.keys(OWN_RULES)]);
  const actions = buildActions();
  expect(actions.length).toBeGreaterThanOrEqual(covered.size);
  expect(actions.filter((a) => !covered.has(a))).toEqual([]);
  expect([...covered].filter((a) => !actions.includes(a))).toEqual([]);
});

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
  });
}
