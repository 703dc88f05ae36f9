import nodemailer from 'nodemailer';
import { env } from '@/lib/config/env';
import { storeDevMail } from './dev-mailbox';

export type OutgoingMail = { to: string; subject: string; html: string; text: string; messageId: string };
export type MailSender = { send(mail: OutgoingMail): Promise<void> };

/** SMTP when SMTP_URL is set; otherwise (never in production) the development mailbox. */
export function mailTransport(): MailSender {
  const { SMTP_URL, MAIL_FROM, APP_ENV } = env();
  if (SMTP_URL) return smtpSender(SMTP_URL, MAIL_FROM);
  if (APP_ENV === 'production') throw new Error('SMTP_URL ontbreekt');
  return {
    async send(mail) {
      storeDevMail({ from: MAIL_FROM, to: mail.to, subject: mail.subject, html: mail.html, text: mail.text });
    },
  };
}

export function smtpSender(url: string, from: string): MailSender {
  const transporter = nodemailer.createTransport(url, {
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(mail) {
      // nodemailer builds the headers itself: the address went through normalizeEmail, so no
      // CR/LF or quotes can reach a header.
      await transporter.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        messageId: mail.messageId,
      });
    },
  };
}
