import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { TEST_PERSONS } from '@/tooling/demo/test-persons';
import { t } from '@/lib/i18n';
import { OTHER_DOSSIER, TARGET_DOSSIER, UNKNOWN_DOSSIER } from './support/actors';
import { loginOverHttp } from './support/http-session';
import { invitationLinkIn, waitForMail } from './support/mailbox';
import { E2E } from './support/ports';
import { actionId, callAction } from './support/server-actions';
import { CONTACTS_ACTIONS_FILE, NO_SUCH_ID, staffActions } from './support/staff-actions';

/**
 * Security probes, sent straight at the server the way an attacker would. Each names what it
 * tries; each must end in a clear refusal (a Dutch message, a 404 or a login), never a 500.
 * The authorization matrix itself is in authorization.api.spec.ts.
 */
const APP = E2E.appUrl;
const CONTACTS = CONTACTS_ACTIONS_FILE;
const ACCEPT = 'app/uitnodiging/[token]/actions.ts';
const contactsPage = (dossier: string) => `/dossiers/${dossier}/contacten`;

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${APP}${path}`, { redirect: 'manual', headers });
  return { status: response.status, location: response.headers.get('location') ?? '', body: await response.text(), headers: response.headers };
}

/** Where a server action sent the browser (Next answers a redirect in an action with a header). */
function actionRedirect(result: { headers: Headers }): string {
  return (result.headers.get('x-action-redirect') ?? result.headers.get('location') ?? '').split(';')[0]!;
}

async function staff() {
  return (await loginOverHttp(APP, TEST_PERSONS.schoolManager.sub)).cookie;
}

/** A real invitation, sent through Check and Verstuur; its token read from the captured mail. */
async function invite(cookie: string) {
  const email = `probe.${randomBytes(4).toString('hex')}@telenet.be`;
  const call = (name: string, args: unknown[]) => callAction(APP, contactsPage(TARGET_DOSSIER), actionId(CONTACTS, name), args, cookie);
  const checked = await call('checkInviteAction', [TARGET_DOSSIER, { role: 'teacher', email }]);
  const checkToken = /"checkToken":"([^"]+)"/.exec(checked.body)?.[1];
  expect(checkToken, checked.body).toBeTruthy();
  const sent = await call('sendInviteAction', [TARGET_DOSSIER, { role: 'teacher', email, checkToken }]);
  expect(sent.body).toContain('"ok":true');
  const token = new URL(invitationLinkIn(await waitForMail(email))).pathname.split('/').at(-1)!;
  const open = await call('checkInviteAction', [TARGET_DOSSIER, { role: 'teacher', email }]);
  const invitationId = /"invitationId":"([0-9a-f-]{36})"/.exec(open.body)?.[1];
  return { email, token, invitationId: invitationId!, call };
}

async function newcomer() {
  return loginOverHttp(APP, { givenName: 'Nina', familyName: `Nieuw${randomBytes(3).toString('hex')}` });
}

async function accept(token: string, cookie?: string, headers: Record<string, string> = {}) {
  return callAction(APP, `/uitnodiging/${token}`, actionId(ACCEPT, 'acceptInvitationAction'), [token], cookie, headers);
}

test.describe('invitation tokens', () => {
  test('an accepted token cannot be used again, by the same or another person', async () => {
    const { token } = await invite(await staff());
    const first = await newcomer();
    const accepted = await accept(token, first.cookie);
    expect(actionRedirect(accepted)).toBe(`/dossiers/${TARGET_DOSSIER}`);

    const second = await newcomer();
    for (const who of [first, second]) {
      const again = await accept(token, who.cookie);
      expect(again.status).toBeLessThan(500);
      expect(actionRedirect(again)).toBe(`/uitnodiging/${token}?fout=1`);
    }
    // The used link is the acceptor's way back: their page redirects to the dossier...
    const theirs = await get(`/uitnodiging/${token}?fout=1`, { cookie: first.cookie });
    expect(theirs.status).toBe(307);
    expect(new URL(theirs.location, APP).pathname).toBe(`/dossiers/${TARGET_DOSSIER}`);
    // ...and nobody else's: signed out or another person, no dossier id and no student.
    const anonymous = await get(`/uitnodiging/${token}?fout=1`);
    const other = await get(`/uitnodiging/${token}?fout=1`, { cookie: second.cookie });
    for (const page of [anonymous, other]) {
      expect(page.status).toBe(200);
      expect(page.body).toContain(t.invitationPage.usedTitle);
      expect(page.body).not.toContain(TARGET_DOSSIER);
      expect(page.body).not.toContain('Dossier van');
    }
    expect(anonymous.body).toContain(t.invitationPage.signIn);
    expect(other.body).toContain('Ze werd aanvaard door iemand anders dan Nina');
  });

  test('a cancelled invitation is dead: its page and its accept refuse alike', async () => {
    const { token, invitationId, call } = await invite(await staff());
    expect((await call('cancelInviteAction', [TARGET_DOSSIER, invitationId])).body).toContain('"ok":true');
    const page = await get(`/uitnodiging/${token}`);
    expect(page.body).toContain(t.invitationPage.invalidTitle);
    expect(page.body).not.toContain('data-testid="invitation-summary"');
    const person = await newcomer();
    expect(actionRedirect(await accept(token, person.cookie))).toBe(`/uitnodiging/${token}?fout=1`);
    expect((await get(`/dossiers/${TARGET_DOSSIER}`, { cookie: person.cookie })).status).toBe(404);
    // An expired invitation takes the same path; the clock cannot be moved in a running server,
    // so expiry is proven on the data access layer (tests/integration/invitations.test.ts).
  });

  test('accepting without a session only sends to the login, and changes nothing', async () => {
    const { token } = await invite(await staff());
    const anonymous = await accept(token);
    expect(actionRedirect(anonymous)).toBe(`/aanmelden?terug=${encodeURIComponent(`/uitnodiging/${token}`)}`);
    expect((await get(`/uitnodiging/${token}`)).body).toContain('data-testid="invitation-summary"');
  });

  test('accepting with a session that was ended on the server is refused like no session', async () => {
    const { token } = await invite(await staff());
    const person = await newcomer();
    // 'Afmelden' deletes the session row; the attacker keeps the old cookie.
    const signOut = await callAction(APP, '/', actionId('app/actions/sign-out.ts', 'signOutAction'), [], person.cookie);
    expect(signOut.status).toBeLessThan(400);
    const stale = await accept(token, person.cookie);
    expect(actionRedirect(stale)).toMatch(/^\/aanmelden\?terug=/);
    expect((await get(`/uitnodiging/${token}`)).body).toContain('data-testid="invitation-summary"');
  });
});

const STAFF_ACTIONS = staffActions('probe@voorbeeld.be');

/** The parts of an action response that differ per call: the nonce, render ids, error digests. */
const comparable = (body: string) =>
  body.replace(/"(nonce|digest)":"[^"]*"/g, '').replace(/"[A-Za-z0-9_-]{22}"/g, '');

test('every staff action refuses another school’s dossier exactly like one that does not exist', async () => {
  const cookie = await staff();
  for (const action of STAFF_ACTIONS) {
    const id = actionId(CONTACTS, action.name);
    // Posted from the caller's own page; only the dossier id in the arguments differs.
    const call = (dossierId: string) => callAction(APP, contactsPage(TARGET_DOSSIER), id, action.args(dossierId), cookie);
    const foreign = await call(OTHER_DOSSIER);
    const unknown = await call(UNKNOWN_DOSSIER);
    const malformed = await call(`${OTHER_DOSSIER}'--`);
    for (const result of [foreign, unknown, malformed]) expect(result.status, action.name).toBe(404);
    expect(comparable(foreign.body), action.name).toBe(comparable(unknown.body));
    expect(comparable(malformed.body), action.name).toBe(comparable(unknown.body));
  }
});

test('a server action posted from another site gets a Dutch 403, never a 500', async () => {
  const cookie = await staff();
  for (const origin of ['https://evil.example', 'null', 'http://localhost.evil.example', 'not a url']) {
    for (const action of STAFF_ACTIONS) {
      const result = await callAction(APP, contactsPage(TARGET_DOSSIER), actionId(CONTACTS, action.name), action.args(TARGET_DOSSIER), cookie, { Origin: origin });
      expect(result.status, `${action.name} from ${origin}`).toBe(403);
      expect(result.body).toBe(t.errors.foreignOrigin);
    }
  }
  const { token } = await invite(cookie);
  const person = await newcomer();
  const forged = await accept(token, person.cookie, { Origin: 'https://evil.example' });
  expect(forged.status).toBe(403);
  expect((await get(`/uitnodiging/${token}`)).body).toContain('data-testid="invitation-summary"');
});

test('a request body over 1 MB is refused with 413 at once', async () => {
  const cookie = await staff();
  const started = Date.now();
  const huge = await callAction(APP, contactsPage(TARGET_DOSSIER), actionId(CONTACTS, 'checkInviteAction'), [TARGET_DOSSIER, { role: 'parent', email: `${'a'.repeat(2_000_000)}@x.be` }], cookie);
  expect(huge.status).toBe(413);
  expect(huge.body).toBe(t.errors.tooLarge);
  const page = await fetch(`${APP}/aanmelden`, { method: 'POST', body: 'x'.repeat(1024 * 1024 + 1) });
  expect(page.status).toBe(413);
  expect(Date.now() - started).toBeLessThan(5_000);
});

test.describe('session cookie', () => {
  test('a tampered, NUL-carrying or garbage cookie is simply no session', async () => {
    const cookie = await staff();
    const [name, value] = cookie.split('=') as [string, string];
    const flipped = value.slice(0, -1) + (value.endsWith('a') ? 'b' : 'a');
    for (const bad of [flipped, `${value}%00`, `%00${value}`, '%00', `${value.slice(0, 8)}%00${value.slice(8)}`, '%E0%A4%A', 'x'.repeat(4000), "' or 1=1 --"]) {
      const page = await get('/aanvragen', { cookie: `${name}=${bad}` });
      expect(page.status, bad).toBe(307);
      expect(page.location).toContain('/aanmelden?terug=');
      const action = await callAction(APP, contactsPage(TARGET_DOSSIER), actionId(CONTACTS, 'checkInviteAction'), STAFF_ACTIONS[0]!.args(TARGET_DOSSIER), `${name}=${bad}`);
      expect(action.status, bad).toBe(404);
      const session = await get('/api/auth/session', { cookie: `${name}=${bad}` });
      expect(session.status, bad).toBe(200);
    }
  });
});

test.describe('open redirects', () => {
  const ATTEMPTS = [
    '//evil.example',
    '/\\evil.example',
    '/..//evil.example',
    '/.//evil.example',
    '/%2e%2e//evil.example',
    'https://evil.example',
    'http:evil.example',
    '%2F%2Fevil.example',
    '/%5Cevil.example',
    '\\\\evil.example',
    'javascript:alert(1)',
    `${E2E.appUrl}.evil.example/`,
    `${E2E.appUrl}@evil.example/`,
  ];

  test('the login page keeps only a path on this site as its return', async () => {
    for (const attempt of ATTEMPTS) {
      const page = await get(`/aanmelden?terug=${encodeURIComponent(attempt)}`);
      expect(page.status).toBe(200);
      const terug = /name="terug" value="([^"]*)"/.exec(page.body)?.[1];
      expect(terug === '/' || (terug!.startsWith('/') && !terug!.startsWith('//') && !terug!.includes('\\')), `${attempt} → ${terug}`).toBe(true);
    }
  });

  test('Auth.js never stores or follows a callbackUrl to another site', async () => {
    for (const attempt of ATTEMPTS) {
      const csrf = await fetch(`${APP}/api/auth/csrf`);
      const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const signIn = await fetch(`${APP}/api/auth/signin/itsme`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
        body: new URLSearchParams({ csrfToken, callbackUrl: attempt }),
      });
      expect(signIn.status, attempt).toBeLessThan(500);
      const stored = signIn.headers.getSetCookie().find((c) => c.startsWith('authjs.callback-url='));
      if (stored) {
        const target = new URL(decodeURIComponent(stored.split(';')[0]!.split('=')[1]!));
        expect(target.origin, attempt).toBe(APP);
        expect(target.pathname.startsWith('//'), attempt).toBe(false);
      }
    }
    // And a whole login with the worst of them lands on this site.
    for (const callbackUrl of ['https://evil.example/', '/..//evil.example', '//evil.example']) {
      const session = await loginOverHttp(APP, TEST_PERSONS.centreStaff.sub, undefined, { callbackUrl });
      expect(new URL(session.landedAt).origin, callbackUrl).toBe(APP);
    }
  });
});

test.describe('malformed requests that Next answered with a bare 500', () => {
  test('undecodable percent-encoding in a path is a 404 page', async () => {
    for (const path of ['/uitnodiging/%E0%A4%A', '/uitnodiging/%', '/dossiers/%FF', `/dossiers/${TARGET_DOSSIER}/%C0%AF`, '/api/auth/%E0%A4%A', '/%E0%A4%A/x']) {
      const page = await get(path);
      expect(page.status, path).toBe(404);
    }
    expect((await get('/uitnodiging/%E0%A4%A')).body).toContain(t.errors.notFoundTitle);
  });

  test("a NUL byte or a lone surrogate in 'Beheer aanvragen' search is searched for without it", async () => {
    const cookie = await staff();
    // As sent on the wire: NUL, a lone surrogate in WTF-8, overlong UTF-8, bidi and zero-width.
    for (const q of ['ab%00c', '%00', 'jan%00%25', '%2500', 'x%ED%A0%80y', '%C0%80', '%E2%80%AE%E2%80%8B', '%FF']) {
      const page = await get(`/aanvragen?q=${q}`, { cookie });
      expect(page.status, q).toBe(200);
    }
  });

  test('an impossible date in the page cursor is an invalid cursor (first page)', async () => {
    const cookie = await staff();
    for (const at of ['2026-02-30T10:00:00.000000Z', '0000-01-01T00:00:00.000000Z', '2026-01-01T24:00:00.000000Z', '9999-12-31T23:59:59.999999Z']) {
      const cursor = Buffer.from(`${at}|${NO_SUCH_ID}`).toString('base64url');
      const page = await get(`/aanvragen?na=${cursor}`, { cookie });
      expect(page.status, at).toBe(200);
    }
  });
});

test('X-Forwarded-For written by the client does not escape the per-address token limit', async () => {
  // The e2e stack runs behind one trusted proxy hop (TRUSTED_PROXY_HOPS=1): only the right-most
  // address counts, whatever the client puts in front of it.
  const proxySaw = `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  let last = '';
  for (let i = 0; i < 21; i++) {
    last = (await get(`/uitnodiging/${'A'.repeat(43)}`, { 'x-forwarded-for': `203.0.113.${i}, ${proxySaw}` })).body;
  }
  expect(last).toContain(t.invitationPage.tooManyTitle);
  const elsewhere = await get(`/uitnodiging/${'A'.repeat(43)}`, { 'x-forwarded-for': '10.78.0.1' });
  expect(elsewhere.body).toContain(t.invitationPage.invalidTitle);
});

test("'Uitnodiging aanvaarden' is rate-limited per client address, like the link page", async () => {
  const person = await newcomer();
  const address = `10.79.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  const guess = 'C'.repeat(43);
  const from = { 'x-forwarded-for': address };
  for (let i = 0; i < 20; i++) expect(actionRedirect(await accept(guess, person.cookie, from))).toBe(`/uitnodiging/${guess}?fout=1`);
  const limited = await accept(guess, person.cookie, from);
  expect(limited.status).toBeLessThan(500);
  expect(actionRedirect(limited)).toBe(`/uitnodiging/${guess}?fout=te-veel`);
  // Another address is not held back.
  expect(actionRedirect(await accept(guess, person.cookie, { 'x-forwarded-for': '10.80.0.1' }))).toBe(`/uitnodiging/${guess}?fout=1`);
  const page = await get(`/uitnodiging/${guess}?fout=te-veel`, { 'x-forwarded-for': '10.80.0.2' });
  expect(page.body).toContain(t.invitationPage.tooManyAccepts);
});
