/**
 * Issue 6, point 4: two app instances on one database. A session made on one is valid on the
 * other; invite on A, accept on B; the outbox delivers each mail once in all; the Verstuur limit
 * counts across both; a revocation on A holds on B at the very next request.
 */
import assert from 'node:assert/strict';
import { demoId } from '@/tooling/demo/demo-data';
import { callAction } from '../../tests/e2e/support/server-actions';
import { E2E_PERSONS, TARGET_DOSSIER } from '../../tests/e2e/support/actors';
import { INVITE_LIMIT, type ReliabilityStack } from './stack';
import { ids, login, page, sleep, waitUntil } from './http';

export type TwoInstanceFigures = {
  invitesAllowed: number;
  invitesRefused: number;
  revocationMs: number;
};

/** A full outbox worker interval (5 s) and a little: after it, a second copy would have gone out. */
const WORKER_INTERVAL_MS = 5_500;

const CONTACTS = `/dossiers/${TARGET_DOSSIER}/contacten`;
const DOSSIER = `/dossiers/${TARGET_DOSSIER}`;

/** `staff`: a staff session cookie obtained on A. */
export async function twoInstances(stack: ReliabilityStack, staff: string): Promise<TwoInstanceFigures> {
  const { a, b, smtp } = stack;
  const { checkId, sendId, acceptId, revokeId } = ids();

  // A session created on A is valid on B.
  const onB = await page(b.url, CONTACTS, staff);
  assert.equal(onB.status, 200, `A's session on B: HTTP ${onB.status}`);
  assert.match(onB.text, /contacten-titel/);

  /** Check on one instance, Verstuur on another (the proof is signed with the shared secret). */
  const invite = async (checkOn: string, sendOn: string, email: string) => {
    const check = await callAction(checkOn, CONTACTS, checkId, [TARGET_DOSSIER, { email, role: 'teacher' }], staff);
    const checkToken = /"checkToken":"([^"]+)"/.exec(check.body)?.[1];
    assert.ok(checkToken, `Check of ${email} on ${checkOn}: ${check.body.slice(0, 200)}`);
    const sent = await callAction(sendOn, CONTACTS, sendId, [TARGET_DOSSIER, { email, role: 'teacher', checkToken }], staff);
    return /"ok":true/.test(sent.body);
  };

  // Invite on A; the invitee (no access yet) accepts on B and then sees the dossier on A.
  const inviteeEmail = 'tom.zondertoegang@example.be';
  assert.ok(await invite(a.url, a.url, inviteeEmail), 'Verstuur on A');
  const mail = await smtp.waitFor((m) => m.to.includes(inviteeEmail), 20_000);
  const token = /\/uitnodiging\/([\w-]{43})\b/.exec(mail.text)?.[1];
  assert.ok(token, 'invitation link in the mail');
  const invitee = await login(b.url, E2E_PERSONS.teacherWithout.sub);
  const accepted = await callAction(b.url, `/uitnodiging/${token}`, acceptId, [token], invitee);
  assert.ok(accepted.status === 303 || accepted.status === 200, `accept on B: HTTP ${accepted.status}`);
  const seen = await page(a.url, DOSSIER, invitee);
  assert.equal(seen.status, 200, `the accepted invitee on A: HTTP ${seen.status}`);

  // The Verstuur limit counts across both: A used one; B, A, B reach the limit; then neither.
  const outcomes: boolean[] = [];
  for (let i = 0; i < INVITE_LIMIT + 1; i++) {
    const [checkOn, sendOn] = i % 2 ? [b.url, a.url] : [a.url, b.url];
    outcomes.push(await invite(checkOn, sendOn, `leerkracht.limiet${i}@example.be`));
  }
  assert.deepEqual(outcomes, [...Array(INVITE_LIMIT - 1).fill(true), false, false], `Verstuur outcomes ${outcomes.join(',')}`);

  // Revocation on A holds on B at once: a teacher with access, signed in on B.
  const teacher = await login(b.url, E2E_PERSONS.teacher.sub);
  assert.equal((await page(b.url, DOSSIER, teacher)).status, 200, 'teacher sees the dossier on B before');
  const revoked = await callAction(a.url, CONTACTS, revokeId, [TARGET_DOSSIER, demoId('contact:e2e:teacher')], staff);
  assert.match(revoked.body, /"ok":true/, 'revoke on A');
  const started = performance.now();
  const after = await page(b.url, DOSSIER, teacher);
  const revocationMs = performance.now() - started;
  assert.equal(after.status, 404, `teacher on B right after the revocation on A: HTTP ${after.status}`);

  return { invitesAllowed: outcomes.filter(Boolean).length + 1, invitesRefused: outcomes.filter((o) => !o).length, revocationMs };
}

/**
 * The outbox of both instances delivered every mail (the invitations, the acceptance notice)
 * exactly once. Run it last: by then both workers have had more than a full interval to send
 * anything twice.
 */
export async function mailsOnce(stack: ReliabilityStack): Promise<{ mailsInOutbox: number; mailsReceived: number }> {
  const { openDatabase } = await import('@/lib/db/client');
  const schema = await import('@/lib/db/schema');
  const handle = openDatabase({ url: stack.databaseUrl });
  try {
    const rows = () => handle.db.select().from(schema.mailOutbox);
    await waitUntil(async () => (await rows()).every((m) => m.status === 'sent'), 30_000, 'all mails sent');
    const lastSent = Math.max(...(await rows()).map((m) => m.sentAt?.getTime() ?? 0));
    await sleep(Math.max(0, lastSent + WORKER_INTERVAL_MS - Date.now()));
    const ids = (await rows()).map((m) => m.id);
    const received = await stack.smtp.messages();
    for (const id of ids) {
      const copies = received.filter((m) => m.messageId === `<${id}@localhost>`).length;
      assert.equal(copies, 1, `mail ${id}: ${copies} copies`);
    }
    assert.equal(received.length, ids.length, `${received.length} mails received for ${ids.length} in the outbox`);
    assert.ok(ids.length >= INVITE_LIMIT, `${ids.length} mails in the outbox`);
    return { mailsInOutbox: ids.length, mailsReceived: received.length };
  } finally {
    await handle.close();
  }
}
