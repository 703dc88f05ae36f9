/**
 * Issue 6, point 10: load on instance A (production build, PostgreSQL) with a staff session:
 * 50 connections on the dossier page and on 'Beheer contacten', 20 on the Check action. Every
 * answer must be a 2xx; the benchmark's autocannon helpers measure.
 */
import assert from 'node:assert/strict';
import { TARGET_DOSSIER } from '../../tests/e2e/support/actors';
import { processMemory } from '../lib/next-server';
import { drain, hammer, probe, type Sample, type Target } from '../bench/measure';
import type { Instance } from './stack';
import { ids } from './http';

export type LoadFigures = {
  duration: number;
  rssBeforeMiB: number;
  rssAfterMiB: number;
  peakMiB: number;
  targets: (Sample & { key: string; label: string; connections: number })[];
};

/** `cookie`: a staff session. */
export async function load(instance: Instance, cookie: string, duration: number): Promise<LoadFigures> {
  const { checkId } = ids();
  const contacts = `/dossiers/${TARGET_DOSSIER}/contacten`;
  const targets: (Target & { connections: number })[] = [
    { key: 'dossier', label: 'Dossier page', path: `/dossiers/${TARGET_DOSSIER}`, headers: { cookie }, expect: { status: 200, contains: 'dossier-titel' }, connections: 50 },
    { key: 'contacten', label: 'Beheer contacten', path: contacts, headers: { cookie }, expect: { status: 200, contains: 'contacten-titel' }, connections: 50 },
    {
      key: 'check',
      label: 'Check action (POST)',
      path: contacts,
      method: 'POST',
      headers: { cookie, 'next-action': checkId, accept: 'text/x-component', 'content-type': 'text/plain;charset=UTF-8', origin: instance.url },
      body: JSON.stringify([TARGET_DOSSIER, { email: 'nieuwe.ouder@telenet.be', role: 'parent' }]),
      expect: { status: 200, contains: '"status":"ok"' },
      connections: 20,
    },
  ];
  for (const target of targets) await probe(instance.url, target);
  const warmup = Math.min(2, Math.max(1, Math.round(duration / 10)));
  for (const target of targets) await hammer(instance.url, target, target.connections, warmup);
  await drain(instance.url);

  const before = processMemory(instance.server.pid!);
  const results: LoadFigures['targets'] = [];
  for (const target of targets) {
    const sample = await hammer(instance.url, target, target.connections, duration);
    await drain(instance.url);
    results.push({ key: target.key, label: target.label, connections: target.connections, ...sample });
    console.log(`[reliability] load ${target.key.padEnd(9)} c=${target.connections}: ${sample.rps.toFixed(0)} req/s, p95 ${sample.p95} ms, ${sample.bad} non-2xx/errors`);
  }
  const after = processMemory(instance.server.pid!);
  for (const r of results) assert.equal(r.bad, 0, `${r.label}: ${r.bad} non-2xx answers or errors`);
  return { duration, rssBeforeMiB: before.rssMiB, rssAfterMiB: after.rssMiB, peakMiB: after.hwmMiB, targets: results };
}
