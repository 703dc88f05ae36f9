import { createHash } from 'node:crypto';
import type { TestInfo } from '@playwright/test';

/**
 * A client address of the test's own (the e2e server trusts one proxy hop, so it counts the
 * X-Forwarded-For we send): the per-address limit on invitation links is then never shared by
 * two tests that run at the same time.
 */
export function testClientAddress(testInfo: TestInfo): string {
  const digest = createHash('sha256').update(`${testInfo.project.name}:${testInfo.testId}`).digest();
  return `198.18.${digest.readUInt8(0)}.${1 + (digest.readUInt8(1) % 254)}`;
}

/** Options for a second browser (the invitee's) with the project's device and the test's own address. */
export function inviteeContextOptions(testInfo: TestInfo) {
  return { ...testInfo.project.use, baseURL: undefined, extraHTTPHeaders: { 'x-forwarded-for': testClientAddress(testInfo) } };
}
