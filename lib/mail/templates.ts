import type { ContactRole } from '@/lib/i18n/codes';

/** What each template needs. No student data: the mails never carry any. */
export type MailPayloads = {
  invitation: { inviterName: string; organisationName: string; role: ContactRole; expiresAt: string };
  invitation_accepted: { acceptedByName: string; invitedEmail: string; role: ContactRole; contactsUrl: string };
};
export type MailTemplate = keyof MailPayloads;

/** The outbox row's payload: the template's fields, plus the sealed link for an invitation. */
export type StoredPayload = Record<string, unknown> & { sealedLink?: string };
