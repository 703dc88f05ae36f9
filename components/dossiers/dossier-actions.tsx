import Link from 'next/link';
import { LogIcon, PeopleIcon } from '@/components/ui/icons';
import { can, type DossierAccess } from '@/lib/auth/permissions';
import { t as dutch } from '@/lib/i18n';
import type { Messages } from '@/lib/i18n/nl-BE';

/** The column of buttons beside the dossier: only actions the caller may use and that work. */
export function DossierActions({ dossierId, access, m: t = dutch }: { dossierId: string; access: DossierAccess; m?: Messages }) {
  const button =
    'flex min-h-11 w-full items-center gap-2 rounded-md border border-brand-700 bg-white px-4 py-2 font-medium text-brand-700 hover:bg-brand-50';
  const items = [
    can(access, 'contacts.manage') && (
      <Link key="contacts" href={`/dossiers/${dossierId}/contacten`} className={button}>
        <PeopleIcon />
        {t.dossier.manageContacts}
      </Link>
    ),
    !can(access, 'contacts.manage') && can(access, 'contacts.view') && (
      <Link key="contacts-ro" href={`/dossiers/${dossierId}/contacten`} className={button}>
        <PeopleIcon />
        {t.dossier.viewContacts}
      </Link>
    ),
    can(access, 'audit.view') && (
      <Link key="log" href={`/dossiers/${dossierId}/logboek`} className={button}>
        <LogIcon />
        {t.dossier.auditLog}
      </Link>
    ),
  ].filter(Boolean);
  if (items.length === 0) return null;
  return (
    <nav aria-label={t.dossier.actionsTitle} className="rounded-lg bg-white p-4 shadow-sm">
      <h2 className="mb-3 text-lg font-semibold">{t.dossier.actionsTitle}</h2>
      <ul className="grid gap-2">
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    </nav>
  );
}
