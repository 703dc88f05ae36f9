import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { TEST_PERSONS } from '@/tooling/demo/test-persons';
import { messagesFor } from '@/lib/i18n/locales';
import { E2E_PERSONS, TARGET_DOSSIER } from './support/actors';
import { loginOverHttp } from './support/http-session';
import { invitationLinkIn, waitForMail } from './support/mailbox';
import { E2E } from './support/ports';
import { actionId, callAction } from './support/server-actions';
import { CONTACTS_ACTIONS_FILE } from './support/staff-actions';

/**
 * Issue 16's rules, called straight at the server: a person with an organisation role cannot
 * accept an invitation without the explicit second step; the language link only ever sets a
 * preference and only ever returns to this site; staff pages stay Dutch whatever the cookie.
 */
const APP = E2E.appUrl;
const ACCEPT = 'app/uitnodiging/[token]/actions.ts';
const nl = messagesFor('nl');
const en = messagesFor('en');

async function get(path: string, cookie?: string) {
  const response = await fetch(`${APP}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  return { status: response.status, location: response.headers.get('location') ?? '', setCookie: response.headers.getSetCookie(), body: await response.text() };
}

const actionRedirect = (result: { headers: Headers }) => (result.headers.get('x-action-redirect') ?? result.headers.get('location') ?? '').split(';')[0]!;

test('a person with an organisation role cannot accept without the second step: nothing changes', async () => {
  const staff = (await loginOverHttp(APP, TEST_PERSONS.schoolManager.sub)).cookie;
  const email = `tweede.stap.${randomBytes(4).toString('hex')}@telenet.be`;
  const call = (name: string, args: unknown[]) => callAction(APP, `/dossiers/${TARGET_DOSSIER}/contacten`, actionId(CONTACTS_ACTIONS_FILE, name), args, staff);
  const checked = await call('checkInviteAction', [TARGET_DOSSIER, { role: 'teacher', email }]);
  const checkToken = /"checkToken":"([^"]+)"/.exec(checked.body)?.[1];
  expect((await call('sendInviteAction', [TARGET_DOSSIER, { role: 'teacher', email, checkToken }])).body).toContain('"ok":true');
  const token = new URL(invitationLinkIn(await waitForMail(email))).pathname.split('/').at(-1)!;

  // Staff of another school: no access to this dossier, and a teacher invitation without a name would give it at once.
  const other = (await loginOverHttp(APP, E2E_PERSONS.otherSchoolManager.sub)).cookie;
  const page = await get(`/uitnodiging/${token}`, other);
  expect(page.body).toContain(nl.invitationPage.staffTitle);
  const accepted = await callAction(APP, `/uitnodiging/${token}`, actionId(ACCEPT, 'acceptInvitationAction'), [token], other);
  expect(accepted.status).toBeLessThan(500);
  expect(actionRedirect(accepted)).toBe(`/uitnodiging/${token}?fout=bevestig`);
  expect((await get(`/dossiers/${TARGET_DOSSIER}`, other)).status).toBe(404);
  // The invitation is still open for the person it was meant for.
  expect((await get(`/uitnodiging/${token}`)).body).toContain('data-testid="invitation-summary"');
});

test('the language link: only known languages, only back to this site, remembered in a cookie', async () => {
  expect((await get('/taal/de?terug=/aanmelden')).status).toBe(404);
  for (const hostile of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', '/..//evil.example']) {
    const answer = await get(`/taal/fr?terug=${encodeURIComponent(hostile)}`);
    expect(answer.status, hostile).toBe(303);
    expect(answer.location, hostile).toBe(`${APP}/`);
  }
  const chosen = await get(`/taal/en?terug=${encodeURIComponent('/aanmelden')}`);
  expect(chosen.location).toBe(`${APP}/aanmelden`);
  const cookie = chosen.setCookie.find((c) => c.startsWith('diplon.taal='))!;
  expect(cookie).toMatch(/^diplon\.taal=en;/);
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=lax/i);

  const english = await get('/aanmelden', 'diplon.taal=en');
  expect(english.body).toContain('<html lang="en-GB"');
  expect(english.body).toContain(en.signIn.button);
  const unknown = await get('/aanmelden', 'diplon.taal=xx');
  expect(unknown.body).toContain('<html lang="nl-BE"');
  expect(unknown.body).toContain(nl.signIn.button);
});

test('a GET of the language link changes only the cookie; the account changes by a same-site POST alone (issue 22, point 7)', async () => {
  const person = await loginOverHttp(APP, { givenName: 'Lena', familyName: `Taal${randomBytes(3).toString('hex')}` });
  const lang = async () => /<html lang="([^"]+)"/.exec((await get('/', person.cookie)).body)?.[1];
  expect(await lang()).toBe('nl-BE');
  // A link on another site, followed while signed in: the browser gets a cookie, the account stays.
  const link = await get('/taal/fr?terug=/', person.cookie);
  expect(link.status).toBe(303);
  expect(link.setCookie.some((c) => c.startsWith('diplon.taal=fr;'))).toBe(true);
  expect(await lang()).toBe('nl-BE');
  // A form posted from another site's page changes nothing at all.
  const foreign = await fetch(`${APP}/taal/fr?terug=/`, { method: 'POST', redirect: 'manual', headers: { cookie: person.cookie, origin: 'https://evil.example' } });
  expect(foreign.status).toBe(403);
  const crossSite = await fetch(`${APP}/taal/fr?terug=/`, { method: 'POST', redirect: 'manual', headers: { cookie: person.cookie, 'sec-fetch-site': 'cross-site' } });
  expect(crossSite.status).toBe(303);
  expect(await lang()).toBe('nl-BE');
  // The person's own button: a POST from this site's page stores it on the account.
  const own = await fetch(`${APP}/taal/en?terug=/`, { method: 'POST', redirect: 'manual', headers: { cookie: person.cookie, origin: APP, 'sec-fetch-site': 'same-origin' } });
  expect(own.status).toBe(303);
  expect(await lang()).toBe('en-GB');
});

test('staff pages stay Dutch whatever the language cookie says, and show no language links', async () => {
  const staff = (await loginOverHttp(APP, TEST_PERSONS.centreStaff.sub)).cookie;
  const page = await get('/aanvragen', `${staff}; diplon.taal=fr`);
  expect(page.status).toBe(200);
  expect(page.body).toContain('<html lang="nl-BE"');
  expect(page.body).toContain(nl.requests.title);
  expect(page.body).not.toContain('data-testid="language-switch"');
});
