import nodemailer, { type Transport, type Transporter } from 'nodemailer';
import { env } from '@/lib/config/env';
import { storeDevMail } from './dev-mailbox';

export type MailTransport = Pick<Transporter, 'sendMail'>;

/**
 * The transport this process sends with: SMTP when SMTP_URL is set; otherwise, outside
 * production only, the development mailbox (`${DATA_DIR}/mailbox/`, shown at /dev/mailbox).
 */
export function mailTransport(): Transporter {
  const { SMTP_URL, MAIL_FROM, APP_ENV } = env();
  if (SMTP_URL) return smtpTransport(SMTP_URL, MAIL_FROM);
  if (APP_ENV === 'production') throw new Error('SMTP_URL ontbreekt: in productie is er geen ontwikkelmailbox');
  return nodemailer.createTransport(devMailboxTransport, { from: MAIL_FROM });
}

/** Timeouts keep one send well inside the outbox lease (see deliver-due-mails). */
export function smtpTransport(url: string, from: string): Transporter {
  return nodemailer.createTransport(
    { url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000, dnsTimeout: 10_000 },
    { from },
  );
}

const devMailboxTransport: Transport<{ messageId: string; envelope: object }> = {
  name: 'diplon-dev-mailbox',
  version: '1',
  send(mail, callback) {
    const { from, subject, html, text } = mail.data;
    const envelope = mail.message.getEnvelope();
    try {
      storeDevMail({
        from: typeof from === 'string' ? from : (envelope.from || ''),
        to: envelope.to.join(', '),
        subject: subject ?? '',
        html: typeof html === 'string' ? html : '',
        text: typeof text === 'string' ? text : '',
      });
      callback(null, { messageId: mail.message.messageId(), envelope });
    } catch (error) {
      callback(error as Error, { messageId: '', envelope });
    }
  },
};
