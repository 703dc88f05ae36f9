import { formatDate, t } from '@/lib/i18n';
import type { ContactRole } from '@/lib/codes';

export type ContactView = {
  id: string;
  role: ContactRole;
  name: string;
  grantedAt: Date;
  grantedBy: string | null;
  revokedAt: Date | null;
  revokedBy: string | null;
};

/** Contacts as a definition list per person: readable on a phone without a sideways scroll. */
export function ContactTable({ contacts, actions }: { contacts: ContactView[]; actions?: (c: ContactView) => React.ReactNode }) {
  const c = t.contacts.columns;
  return (
    <ul className="grid gap-3">
      {contacts.map((contact) => (
        <li key={contact.id} className="rounded-md border border-slate-200 p-3" data-testid="contact">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div>
              <p className="font-semibold">{contact.name}</p>
              <p className="text-sm">
                <span className="sr-only">{c.role}: </span>
                <span className="rounded-full bg-brand-100 px-2 py-0.5 font-medium text-brand-800">{t.roles.contact[contact.role]}</span>
              </p>
            </div>
            {actions?.(contact)}
          </div>
          <dl className="mt-2 grid gap-x-4 text-sm sm:grid-cols-3">
            <div>
              <dt className="inline text-slate-700">{c.since}: </dt>
              <dd className="inline">{formatDate(contact.grantedAt)}</dd>
            </div>
            <div>
              <dt className="inline text-slate-700">{c.invitedBy}: </dt>
              <dd className="inline">{contact.grantedBy ?? t.contacts.grantedBySystem}</dd>
            </div>
            {contact.revokedAt && (
              <div>
                <dt className="inline text-slate-700">{c.revoked}: </dt>
                <dd className="inline">
                  {formatDate(contact.revokedAt)}
                  {contact.revokedBy && ` ${t.contacts.revokedBy} ${contact.revokedBy}`}
                </dd>
              </div>
            )}
          </dl>
        </li>
      ))}
    </ul>
  );
}
