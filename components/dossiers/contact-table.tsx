import { formatDate, t } from '@/lib/i18n';
import { PersonCard } from '@/components/ui/person-card';
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
        <PersonCard key={contact.id} name={contact.name} role={t.roles.contact[contact.role]} roleCaption={c.role} actions={actions?.(contact)} testId="contact">
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
        </PersonCard>
      ))}
    </ul>
  );
}
