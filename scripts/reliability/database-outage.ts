/**
 * Issue 6, point 5: instance B loses PostgreSQL while it serves (the proxy between them cuts
 * every connection and refuses new ones). Pages must answer the Dutch 503 page (Retry-After,
 * no-store, no stack trace), /api/health 503, and B must recover by itself when the database
 * returns, without a restart. Instance A, which reaches PostgreSQL directly, keeps serving.
 */
import assert from 'node:assert/strict';
import { TARGET_DOSSIER } from '../../tests/e2e/support/actors';
import type { ReliabilityStack } from './stack';
import { page, sleep, type Page } from './http';

export type OutageFigures = {
  /** What the first request after the cut got (307 = sent back to itself, then 503). */
  firstStatus: number;
  /** From the cut until a page answered 503 directly. */
  detectMs: number;
  /** From the database's return until the dossier page answered 200 again. */
  recoverMs: number;
  statusesDuringOutage: Record<string, number>;
};

const DOSSIER = `/dossiers/${TARGET_DOSSIER}`;
const TRACE = /node_modules|at [\w.<>]+ \(|\.tsx?:\d+|Error:|digest/;

function assertUnavailablePage(response: Page, what: string) {
  assert.equal(response.status, 503, `${what}: HTTP ${response.status}`);
  assert.match(response.headers.get('retry-after') ?? '', /^\d+$/, `${what}: Retry-After`);
  assert.match(response.headers.get('cache-control') ?? '', /no-store/, `${what}: Cache-Control`);
  assert.match(response.text, /Tijdelijk niet beschikbaar/, `${what}: Dutch page`);
  assert.doesNotMatch(response.text, TRACE, `${what}: no stack trace`);
}

/** `cookie`: a staff session (made on A: sessions are shared). */
export async function databaseOutage(stack: ReliabilityStack, cookie: string): Promise<OutageFigures> {
  const { a, b, dbProxy } = stack;
  assert.equal((await page(b.url, DOSSIER, cookie)).status, 200, 'dossier page on B before the outage');
  const pid = b.server.pid;

  const statuses: Record<string, number> = {};
  const count = (r: Page) => {
    statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    return r;
  };

  const cutAt = performance.now();
  await dbProxy.cut();
  // The very first request, right away.
  const first = count(await page(b.url, DOSSIER, cookie));
  if (first.status === 307) {
    assert.equal(first.headers.get('location'), DOSSIER, 'the first request is sent back to itself');
    assertUnavailablePage(count(await page(b.url, DOSSIER, cookie)), 'after the redirect');
  } else {
    assertUnavailablePage(first, 'first request after the cut');
  }
  let detectMs = NaN;
  for (let i = 0; i < 200; i++) {
    const r = count(await page(b.url, DOSSIER, cookie));
    if (r.status === 503) {
      detectMs = performance.now() - cutAt;
      assertUnavailablePage(r, 'dossier page during the outage');
      break;
    }
    await sleep(50);
  }
  assert.ok(Number.isFinite(detectMs), 'B answered 503 within 10 s of the cut');
  assertUnavailablePage(count(await page(b.url, '/', cookie)), 'home page during the outage');
  assertUnavailablePage(count(await page(b.url, '/aanvragen')), 'an anonymous request during the outage');
  const health = await page(b.url, '/api/health');
  assert.equal(health.status, 503, `/api/health during the outage: HTTP ${health.status}`);
  assert.match(health.headers.get('cache-control') ?? '', /no-store/);
  assert.doesNotMatch(health.text, TRACE);
  const live = await page(b.url, '/api/live');
  assert.equal(live.status, 200, `/api/live (liveness, no database) during the outage: HTTP ${live.status}`);
  assert.equal((await page(a.url, DOSSIER, cookie)).status, 200, 'A (own connection) still serves');
  await sleep(1_000);
  assertUnavailablePage(count(await page(b.url, DOSSIER, cookie)), 'still down a second later');

  const restoredAt = performance.now();
  await dbProxy.restore();
  let recoverMs = NaN;
  for (let i = 0; i < 400; i++) {
    const r = count(await page(b.url, DOSSIER, cookie));
    if (r.status === 200) {
      recoverMs = performance.now() - restoredAt;
      break;
    }
    assert.equal(r.status, 503, `while recovering: HTTP ${r.status}`);
    await sleep(50);
  }
  assert.ok(Number.isFinite(recoverMs), 'B recovered within 20 s');
  assert.equal((await page(b.url, '/api/health')).status, 200, '/api/health after the return');
  assert.equal(b.server.pid, pid, 'same process');
  assert.equal(b.server.exitCode, null, 'B never exited');
  assert.ok(!('500' in statuses), `no 500 during the outage (${JSON.stringify(statuses)})`);
  return { firstStatus: first.status, detectMs, recoverMs, statusesDuringOutage: statuses };
}
