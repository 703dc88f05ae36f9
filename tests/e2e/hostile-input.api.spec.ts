import { CONTACT_ROLES } from '@/lib/codes';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { TEST_PERSONS } from '@/tooling/demo/test-persons';
import { t } from '@/lib/i18n';
import { normalizeEmail } from '@/lib/invites/normalize-email';
import { hostileEmail, hostileId, hostileToken } from '../support/hostile';
import { OTHER_DOSSIER, TARGET_DOSSIER } from './support/actors';
import { loginOverHttp } from './support/http-session';
import { invitationLinkIn, waitForMail } from './support/mailbox';
import { E2E } from './support/ports';
import { actionId, callAction } from './support/server-actions';

/**
 * Property tests over HTTP against the production build: generated hostile e-mail addresses,
 * link tokens and ids, sent the way a script would. Never a 500; every refusal a Dutch message
 * of ours; no mail for an invalid address; nothing injected into a mail header.
 * DIPLON_HTTP_RUNS sets the runs per property (default below, sized to CI's time budget).
 */
const RUNS = Number(process.env.DIPLON_HTTP_RUNS) || 150;
const APP = E2E.appUrl;
const CONTACTS = 'app/dossiers/[id]/contacten/actions.ts';
const page = `/dossiers/${TARGET_DOSSIER}/contacten`;
const DUTCH_EMAIL_ERRORS = new Set<string>(Object.values(t.invite.errors));

test.describe.configure({ timeout: 300_000 });

let cookie: string;
test.beforeAll(async () => {
  cookie = (await loginOverHttp(APP, TEST_PERSONS.centreStaff.sub)).cookie;
});

/** The action's return value from its RSC response (the line `1:{…}`; strings starting with `$` come escaped as `$$`). */
function resultOf(body: string): Record<string, unknown> {
  const line = body.split('\n').find((l) => l.startsWith('1:'));
  if (!line) throw new Error(`no action result in ${body.slice(0, 200)}`);
  return JSON.parse(line.slice(2), (_key, value: unknown) =>
    typeof value === 'string' && value.startsWith('$$') ? value.slice(1) : value,
  ) as Record<string, unknown>;
}

/** Each request from its own client address (the e2e stack trusts one proxy hop), so the per-address token limit never hides a page. */
let clientNo = 0;
const freshClient = () => ({ 'x-forwarded-for': `10.${(clientNo >> 16) & 255}.${(clientNo >> 8) & 255}.${clientNo++ & 255}` });

test(`Check: ${RUNS} hostile addresses, each refused in Dutch or checked, never a 500`, async () => {
  const id = actionId(CONTACTS, 'checkInviteAction');
  await fc.assert(
    fc.asyncProperty(hostileEmail, fc.constantFrom(...CONTACT_ROLES), async (email, role) => {
      const response = await callAction(APP, page, id, [TARGET_DOSSIER, { role, email }], cookie);
      expect(response.status).toBe(200);
      const result = resultOf(response.body);
      const normalized = normalizeEmail(email);
      if (!normalized.ok) {
        // Every field's error comes back, keyed by field, for the form to show beside it.
        expect(result).toEqual({ status: 'invalid', message: t.invite.errors[normalized.problem], fieldErrors: { email: t.invite.errors[normalized.problem] } });
      } else {
        expect(['ok', 'typo', 'has_access', 'open_invitation']).toContain(result.status);
        if (result.status === 'ok') expect(result.email).toBe(normalized.email);
      }
    }),
    { numRuns: RUNS },
  );
});

test(`Verstuur: ${RUNS} hostile addresses are refused in Dutch and no mail leaves`, async () => {
  const id = actionId(CONTACTS, 'sendInviteAction');
  const sentTo: string[] = [];
  await fc.assert(
    fc.asyncProperty(hostileEmail, fc.oneof(fc.constant('x'), fc.string({ maxLength: 300 }), fc.constant(undefined)), async (email, checkToken) => {
      const response = await callAction(APP, page, id, [TARGET_DOSSIER, { role: 'parent', email, checkToken }], cookie);
      expect(response.status).toBe(200);
      const result = resultOf(response.body);
      expect(result.ok).toBe(false);
      expect(DUTCH_EMAIL_ERRORS).toContain(result.message);
      sentTo.push(email);
    }),
    { numRuns: RUNS },
  );
  // Give the outbox worker a moment, then read every captured message raw.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const dir = path.resolve(E2E.mailDir);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.eml'))) {
    const raw = readFileSync(path.join(dir, file), 'utf8');
    const headers = raw.slice(0, raw.indexOf('\r\n\r\n'));
    expect(headers, file).not.toMatch(/^(bcc|cc):/im);
    expect(headers, file).not.toContain('evil.example');
    const to = /^To: (.*)$/m.exec(headers)?.[1] ?? '';
    expect(to.split(',')).toHaveLength(1);
    expect(normalizeEmail(to.replace(/^.*<|>$/g, '')).ok, to).toBe(true);
  }
});

test(`/uitnodiging/[token]: ${RUNS} random, truncated, over-long and percent-encoded tokens`, async () => {
  const staffCall = (name: string, args: unknown[]) => callAction(APP, page, actionId(CONTACTS, name), args, cookie);
  const email = `eigenschap.${randomBytes(4).toString('hex')}@telenet.be`;
  const checked = resultOf((await staffCall('checkInviteAction', [TARGET_DOSSIER, { role: 'parent', email }])).body);
  expect((await staffCall('sendInviteAction', [TARGET_DOSSIER, { role: 'parent', email, checkToken: checked.checkToken }])).status).toBe(200);
  const real = new URL(invitationLinkIn(await waitForMail(email))).pathname.split('/').at(-1)!;

  await fc.assert(
    fc.asyncProperty(hostileToken(real), async (token) => {
      const response = await fetch(`${APP}/uitnodiging/${token}`, { redirect: 'manual', headers: freshClient() });
      const body = await response.text();
      expect(response.status, token).toBeLessThan(500);
      if (response.status === 200) {
        const valid = body.includes('data-testid="invitation-summary"');
        expect(valid ? token === real : body.includes(t.invitationPage.invalidTitle), token).toBe(true);
      } else if (response.status === 404) {
        expect(body).toContain(t.errors.notFoundTitle);
      } else {
        // Only Next's own trailing-slash or dot-segment redirects, to a path on this site.
        expect([307, 308]).toContain(response.status);
        expect(new URL(response.headers.get('location')!, APP).origin).toBe(APP);
      }
    }),
    { numRuns: RUNS },
  );
  // Opening links changed nothing: the real invitation is still open.
  expect(await (await fetch(`${APP}/uitnodiging/${real}`, { headers: freshClient() })).text()).toContain('data-testid="invitation-summary"');
});

test(`ids: ${RUNS} non-uuid, unknown and other-school dossier, invitation and contact ids`, async () => {
  const school = (await loginOverHttp(APP, TEST_PERSONS.schoolManager.sub)).cookie;
  const ids = fc.oneof(hostileId, fc.constant(OTHER_DOSSIER));
  // Actions that take an invitation or contact id besides the dossier (resend is rate limited, so left out here).
  const subIdActions = fc.constantFrom('cancelInviteAction', 'retryMailAction', 'revokeContactAction');
  await fc.assert(
    fc.asyncProperty(ids, fc.constantFrom('', '/contacten', '/logboek', 'action', 'sub-id'), subIdActions, async (dossierId, where, name) => {
      if (where === 'action') {
        // A hostile dossier id: the same 404 as a dossier that does not exist.
        const response = await callAction(APP, page, actionId(CONTACTS, name), [dossierId, '11111111-1111-4111-8111-111111111111'], school);
        expect(response.status, dossierId).toBe(404);
        return;
      }
      if (where === 'sub-id') {
        // The caller's own dossier, a hostile invitation or contact id: a Dutch refusal, nothing changed.
        const response = await callAction(APP, page, actionId(CONTACTS, name), [TARGET_DOSSIER, dossierId], school);
        expect(response.status, dossierId).toBe(200);
        expect(resultOf(response.body)).toEqual({ ok: false, message: t.invite.errors.unexpected });
        return;
      }
      const response = await fetch(`${APP}/dossiers/${encodeURIComponent(dossierId)}${where}`, { redirect: 'manual', headers: { cookie: school } });
      const body = await response.text();
      if (response.status === 308 || response.status === 307) return; // Next normalising an empty segment
      expect(response.status, dossierId).toBe(404);
      expect(body).toContain(t.errors.notFoundTitle);
    }),
    { numRuns: RUNS },
  );
});
