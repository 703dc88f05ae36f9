import { formatDate, localeOf, t as dutch } from '@/lib/i18n';
import type { Messages } from '@/lib/i18n/nl-BE';
import { PersonCard } from '@/components/ui/person-card';
import type { ContactRole, ContactStatus } from '@/lib/codes';

export type ContactView = {
  id: string;
  role: ContactRole;
  status?: ContactStatus;
  name: string;
  grantedAt: Date;
  grantedBy: string | null;
  revokedAt: Date | null;
  revokedBy: string | null;
};

/** Contacts as a definition list per person: readable on a phone without a sideways scroll. */
export function ContactTable({
  contacts,
  actions,
  m: t = dutch,
}: {
  contacts: ContactView[];
  actions?: (c: ContactView) => React.ReactNode;
  /** The reader's catalogue (a parent reads 'Wie kan dit dossier zien?' in their language). */
  m?: Messages;
}) {
  const c = t.contacts.columns;
  const locale = localeOf(t);
  return (
    <ul className="grid gap-3">
      {contacts.map((contact) => (
        <PersonCard key={contact.id} name={contact.name} role={t.roles.contact[contact.role]} roleCaption={c.role} actions={actions?.(contact)} testId="contact">
          <dl className="mt-2 grid gap-x-4 text-sm sm:grid-cols-3">
            <div>
              <dt className="inline text-slate-700">{c.since}: </dt>
              <dd className="inline">{formatDate(contact.grantedAt, locale)}</dd>
            </div>
            <div>
              <dt className="inline text-slate-700">{c.invitedBy}: </dt>
              <dd className="inline">{contact.grantedBy ?? t.contacts.grantedBySystem}</dd>
            </div>
            {contact.revokedAt && (
              <div>
                <dt className="inline text-slate-700">{contact.status === 'refused' ? t.contacts.refused : c.revoked}: </dt>
                <dd className="inline">
                  {formatDate(contact.revokedAt, locale)}
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
