import { staffCookie } from '../bench/stack';
import { actionId } from '../../tests/e2e/support/server-actions';

/** A session cookie for `sub`, through the stand-in (the benchmark's login helper). */
export const login = staffCookie;

export type Page = { status: number; text: string; headers: Headers };

export async function page(appUrl: string, path: string, cookie?: string): Promise<Page> {
  const response = await fetch(`${appUrl}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

/** The server actions used, by their ids in this build. */
export function ids() {
  const contacts = 'app/dossiers/[id]/contacten/actions.ts';
  return {
    checkId: actionId(contacts, 'checkInviteAction'),
    sendId: actionId(contacts, 'sendInviteAction'),
    revokeId: actionId(contacts, 'revokeContactAction'),
    acceptId: actionId('app/uitnodiging/[token]/actions.ts', 'acceptInvitationAction'),
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number, what: string, everyMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}`);
    await sleep(everyMs);
  }
}
