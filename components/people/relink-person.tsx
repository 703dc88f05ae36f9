import { formatDateTime, t } from '@/lib/i18n';
import type { KnownPerson, RelinkPerson } from '@/lib/people/find-relink-candidates';

const r = t.organisation.relink;

/**
 * One person as 'Koppel opnieuw' shows them, so staff can tell two accounts apart: the itsme
 * name, when they first and last logged in, and (for a known person) their access in the centre.
 */
export function RelinkPersonCard({
  person,
  title,
  children,
  testId,
}: {
  person: RelinkPerson | KnownPerson;
  /** A caption above the name ('Nieuwe itsme-account'). */
  title?: string;
  children?: React.ReactNode;
  testId?: string;
}) {
  const roles = 'staffRoles' in person ? [...person.staffRoles.map((role) => t.roles.staff[role]), ...person.contactRoles.map((role) => t.roles.contact[role])] : [];
  return (
    <div className="rounded-md border border-slate-200 p-3" data-testid={testId}>
      {title && <p className="text-sm font-medium text-slate-700">{title}</p>}
      <p className="font-semibold">{person.name}</p>
      <dl className="mt-1 grid gap-x-4 text-sm">
        <div>
          <dt className="inline text-slate-700">{r.registeredAt}: </dt>
          <dd className="inline">{formatDateTime(person.registeredAt)}</dd>
        </div>
        <div>
          <dt className="inline text-slate-700">{r.lastLogin}: </dt>
          <dd className="inline">{person.lastLoginAt ? formatDateTime(person.lastLoginAt) : r.never}</dd>
        </div>
        {roles.length > 0 && (
          <div>
            <dt className="inline text-slate-700">{r.access}: </dt>
            <dd className="inline">{roles.join(', ')}</dd>
          </div>
        )}
      </dl>
      {children && <div className="mt-3">{children}</div>}
    </div>
  );
}
