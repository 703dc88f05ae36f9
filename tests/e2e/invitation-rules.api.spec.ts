import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { TEST_PERSONS } from '@/tooling/demo/test-persons';
import { t } from '@/lib/i18n';
import { TARGET_DOSSIER } from './support/actors';
import { loginOverHttp } from './support/http-session';
import { invitationLinkIn, mailsTo, waitForMail } from './support/mailbox';
import { E2E } from './support/ports';
import { actionId, callAction } from './support/server-actions';

/**
 * The invitation rules of the issue, called directly against the server as a hostile or
 * careless client would: no hidden button decides anything here.
 */
const ACTIONS = 'app/dossiers/[id]/contacten/actions.ts';
const contacts = `/dossiers/${TARGET_DOSSIER}/contacten`;

async function session() {
  return (await loginOverHttp(E2E.appUrl, TEST_PERSONS.schoolManager.sub)).cookie;
}

async function action(name: string, args: unknown[], cookie: string) {
  const result = await callAction(E2E.appUrl, contacts, actionId(ACTIONS, name), args, cookie);
  expect(result.status, name).toBe(200);
  return result.body;
}

async function check(email: string, cookie: string) {
  const body = await action('checkInviteAction', [TARGET_DOSSIER, { role: 'teacher', email }], cookie);
  return {
    body,
    checkToken: /"checkToken":"([^"]+)"/.exec(body)?.[1],
    invitationId: /"invitationId":"([0-9a-f-]{36})"/.exec(body)?.[1],
  };
}

async function page(path: string, cookie?: string, method = 'GET') {
  const response = await fetch(`${E2E.appUrl}${path}`, { method, redirect: 'manual', headers: cookie ? { cookie } : {} });
  return { status: response.status, body: await response.text() };
}

const address = () => `regel.${randomBytes(4).toString('hex')}@telenet.be`;

test('Verstuur is refused without a Check of exactly that address, role and dossier', async () => {
  const cookie = await session();
  const target = address();
  const other = address();
  const forOther = await check(other, cookie);
  expect(forOther.checkToken).toBeTruthy();
  const attempts: unknown[] = [
    { role: 'teacher', email: target, checkToken: 'x' },
    { role: 'teacher', email: target, checkToken: '' },
    { role: 'teacher', email: target, checkToken: forOther.checkToken },
    // The checked address, but another role than the one that passed Check.
    { role: 'parent', email: other, checkToken: forOther.checkToken },
    { role: 'teacher', email: target },
  ];
  for (const input of attempts) {
    const body = await action('sendInviteAction', [TARGET_DOSSIER, input], cookie);
    expect(body).toContain(t.invite.errors.notChecked);
  }
  const list = await page(contacts, cookie);
  expect(list.body).not.toContain(target);
  expect(list.body).not.toContain(other);
  expect(await mailsTo(target)).toEqual([]);
});

test('opening the link (GET, HEAD, twice) changes nothing; Opnieuw versturen kills the old link', async () => {
  const cookie = await session();
  const email = address();
  const checked = await check(email, cookie);
  expect(checked.body).toContain(t.invite.result.ok);
  expect(await action('sendInviteAction', [TARGET_DOSSIER, { role: 'teacher', email, checkToken: checked.checkToken }], cookie)).toContain(email);
  const firstLink = new URL(invitationLinkIn(await waitForMail(email))).pathname;

  expect((await page(firstLink, undefined, 'HEAD')).status).toBe(200);
  for (let i = 0; i < 2; i++) {
    const opened = await page(firstLink);
    expect(opened.status).toBe(200);
    expect(opened.body).toContain('data-testid="invitation-summary"');
  }
  // Still open: Check says so and offers to resend it.
  const again = await check(email, cookie);
  expect(again.body).toContain('"status":"open_invitation"');
  expect(again.invitationId).toBeTruthy();

  const resent = await action('resendInviteAction', [TARGET_DOSSIER, again.invitationId], cookie);
  expect(resent).toContain('"ok":true');
  await expect.poll(async () => (await mailsTo(email)).length, { timeout: 20_000 }).toBe(2);
  const secondLink = new URL(invitationLinkIn((await mailsTo(email)).at(-1)!)).pathname;
  expect(secondLink).not.toBe(firstLink);
  const old = await page(firstLink);
  expect(old.body).toContain(t.invitationPage.invalidTitle);
  expect(old.body).not.toContain('data-testid="invitation-summary"');
  expect((await page(secondLink)).body).toContain('data-testid="invitation-summary"');
});
