import { render, toPlainText } from '@react-email/render';
import { createElement, type ReactElement } from 'react';
import InvitationAcceptedMail from '@/emails/invitation-accepted';
import InvitationMail from '@/emails/invitation';
import DossierUpdateMail from '@/emails/dossier-update';
import NeedsConfirmationMail from '@/emails/invitation-needs-confirmation';
import { env } from '@/lib/config/env';
import { DEFAULT_LOCALE } from '@/lib/codes';
import { formatDateTimeLong, t } from '@/lib/i18n';
import { fill } from '@/lib/i18n/format';
import { messagesFor } from '@/lib/i18n/locales';
import type { MailTemplate, RenderPayloads } from './templates';

export type RenderedMail = { subject: string; html: string; text: string };

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
    // The invitee's language; the staff mails below are Dutch.
    const locale = p.locale ?? DEFAULT_LOCALE;
    const messages = messagesFor(locale);
    const element = createElement(InvitationMail, {
      ...common,
      inviterName: p.inviterName,
      organisationName: p.organisationName,
      role: p.role,
      ...(p.unitName ? { unitName: p.unitName } : {}),
      link: p.link,
      appUrl: APP_URL,
      replaces: p.replaces ?? false,
      expiresOn: formatDateTimeLong(p.expiresAt, locale),
      messages,
    });
    const subject = p.replaces ? messages.mail.invitation.resentSubject : messages.mail.invitation.subject;
    return htmlAndText(fill(subject, { organisation: p.organisationName, app: APP_NAME }), element);
  }
  if (template === 'invitation_needs_confirmation') {
    const p = payload as RenderPayloads['invitation_needs_confirmation'];
    const element = createElement(NeedsConfirmationMail, { ...common, ...p });
    return htmlAndText(fill(t.mail.needsConfirmation.subject, { app: APP_NAME }), element);
  }
  if (template === 'dossier_update') {
    const p = payload as RenderPayloads['dossier_update'];
    // To a contact: their language.
    const messages = messagesFor(p.locale ?? DEFAULT_LOCALE);
    const element = createElement(DossierUpdateMail, { ...common, signInUrl: p.signInUrl, messages });
    return htmlAndText(fill(messages.mail.dossierUpdate.subject, { app: APP_NAME }), element);
  }
  const p = payload as RenderPayloads['invitation_accepted'];
  const element = createElement(InvitationAcceptedMail, { ...common, ...p });
  return htmlAndText(fill(t.mail.accepted.subject, { app: APP_NAME }), element);
}
