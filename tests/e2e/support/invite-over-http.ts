import { randomBytes } from 'node:crypto';
import { expect } from '@playwright/test';
import { loginOverHttp } from './http-session';
import { invitationLinkIn, waitForMail } from './mailbox';
import { E2E } from './ports';
import { actionId, callAction } from './server-actions';
import { CONTACTS_ACTIONS_FILE } from './staff-actions';

/**
 * A real invitation sent by a staff member through Check and Verstuur, called over HTTP (the
 * staff side of the dialog is tested in invitations.spec.ts); gives the link from the captured mail.
 */
export async function inviteOverHttp(
  staffSub: string,
  dossierId: string,
  role: 'parent' | 'teacher' | 'clb' | 'care_provider' = 'parent',
  /** 'Naam zoals gekend door de school': without it, a parent who accepts waits for the centre's confirmation (issue 16). */
  expectedName?: string,
): Promise<{ email: string; link: string; mail: Awaited<ReturnType<typeof waitForMail>> }> {
  const { cookie } = await loginOverHttp(E2E.appUrl, staffSub);
  const email = `reis.${randomBytes(4).toString('hex')}@telenet.be`;
  const call = (name: string, args: unknown[]) =>
    callAction(E2E.appUrl, `/dossiers/${dossierId}/contacten`, actionId(CONTACTS_ACTIONS_FILE, name), args, cookie);
  const checked = await call('checkInviteAction', [dossierId, { role, email }]);
  const checkToken = /"checkToken":"([^"]+)"/.exec(checked.body)?.[1];
  expect(checkToken, checked.body).toBeTruthy();
  const sent = await call('sendInviteAction', [dossierId, { role, email, checkToken, ...(expectedName ? { expectedName } : {}) }]);
  expect(sent.body).toContain('"ok":true');
  const mail = await waitForMail(email);
  return { email, link: invitationLinkIn(mail), mail };
}
