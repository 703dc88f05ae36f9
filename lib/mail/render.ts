import { render, toPlainText } from '@react-email/render';
import { createElement, type ReactElement } from 'react';
import InvitationAcceptedMail from '@/emails/invitation-accepted';
import InvitationMail from '@/emails/invitation';
import DossierUpdateMail from '@/emails/dossier-update';
import { env } from '@/lib/config/env';
import { LOCALE, t } from '@/lib/i18n';
import { fill } from '@/lib/i18n/format';
import type { MailTemplate, RenderPayloads } from './templates';

export type RenderedMail = { subject: string; html: string; text: string };

const expiryFormat = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Brussels',
});

// Headings keep their case in the text version (html-to-text would shout them).
const textOptions = { selectors: ['h1', 'h2'].map((selector) => ({ selector, options: { uppercase: false } })) };

async function htmlAndText(subject: string, element: ReactElement): Promise<RenderedMail> {
  const html = await render(element);
  return { subject, html, text: toPlainText(html, textOptions) };
}

/** A template and its payload as the mail that goes out: subject, HTML and plain text. */
export async function renderMail<T extends MailTemplate>(template: T, payload: RenderPayloads[T]): Promise<RenderedMail> {
  const { APP_NAME, APP_URL, SUPPORT_EMAIL, SUPPORT_PHONE } = env();
  const common = { appName: APP_NAME, supportEmail: SUPPORT_EMAIL, supportPhone: SUPPORT_PHONE };
  if (template === 'invitation') {
    const p = payload as RenderPayloads['invitation'];
    const element = createElement(InvitationMail, {
      ...common,
      inviterName: p.inviterName,
      organisationName: p.organisationName,
      role: p.role,
      ...(p.unitName ? { unitName: p.unitName } : {}),
      link: p.link,
      appUrl: APP_URL,
      replaces: p.replaces ?? false,
      expiresOn: expiryFormat.format(new Date(p.expiresAt)),
    });
    const subject = p.replaces ? t.mail.invitation.resentSubject : t.mail.invitation.subject;
    return htmlAndText(fill(subject, { organisation: p.organisationName, app: APP_NAME }), element);
  }
  if (template === 'dossier_update') {
    const p = payload as RenderPayloads['dossier_update'];
    const element = createElement(DossierUpdateMail, { ...common, signInUrl: p.signInUrl });
    return htmlAndText(fill(t.mail.dossierUpdate.subject, { app: APP_NAME }), element);
  }
  const p = payload as RenderPayloads['invitation_accepted'];
  const element = createElement(InvitationAcceptedMail, { ...common, ...p });
  return htmlAndText(fill(t.mail.accepted.subject, { app: APP_NAME }), element);
}
