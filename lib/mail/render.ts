import { render } from '@react-email/render';
import { createElement } from 'react';
import InvitationAcceptedMail from '@/emails/invitation-accepted';
import InvitationMail from '@/emails/invitation';
import { env } from '@/lib/config/env';
import { formatDate, t } from '@/lib/i18n';
import { fill } from '@/lib/i18n/format';
import { unseal } from './seal';
import type { MailPayloads, MailTemplate, StoredPayload } from './templates';

export type RenderedMail = { subject: string; html: string; text: string };

async function both(element: React.ReactElement): Promise<{ html: string; text: string }> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text };
}

/** An outbox row's template and payload, as the HTML and plain-text mail that goes out. */
export async function renderMail(template: MailTemplate, payload: StoredPayload): Promise<RenderedMail> {
  const { APP_NAME, SUPPORT_EMAIL, SUPPORT_PHONE } = env();
  if (template === 'invitation') {
    const p = payload as unknown as MailPayloads['invitation'] & StoredPayload;
    if (!p.sealedLink) throw new Error('invitation mail without its link');
    const element = createElement(InvitationMail, {
      appName: APP_NAME,
      inviterName: p.inviterName,
      organisationName: p.organisationName,
      role: p.role,
      link: unseal(p.sealedLink),
      expiresOn: formatDate(p.expiresAt),
      supportEmail: SUPPORT_EMAIL,
      supportPhone: SUPPORT_PHONE,
    });
    return { subject: fill(t.mail.invitation.subject, { app: APP_NAME }), ...(await both(element)) };
  }
  const p = payload as unknown as MailPayloads['invitation_accepted'];
  const element = createElement(InvitationAcceptedMail, { appName: APP_NAME, ...p });
  return { subject: t.mail.accepted.subject, ...(await both(element)) };
}
