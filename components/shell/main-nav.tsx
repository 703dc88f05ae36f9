import Link from 'next/link';
import { t } from '@/lib/i18n';
import { FolderIcon, PeopleIcon } from '@/components/ui/icons';

/** Staff get 'Beheer aanvragen' (and, when the permission table lets them open a unit, 'Beheer organisatie'); a person with granted dossiers gets 'Mijn dossiers'. */
export function MainNav({ isStaff, organisation = false, hasDossiers }: { isStaff: boolean; organisation?: boolean; hasDossiers: boolean }) {
  if (!isStaff && !hasDossiers) return null;
  const item = 'inline-flex min-h-11 items-center gap-2 rounded-md px-3 py-2 font-medium hover:bg-white/10';
  return (
    <nav aria-label={t.app.mainNav} className="mx-auto max-w-6xl px-2 pb-2">
      <ul className="flex flex-wrap gap-1">
        {isStaff && (
          <li>
            <Link href="/aanvragen" className={item}>
              <FolderIcon />
              {t.nav.requests}
            </Link>
          </li>
        )}
        {organisation && (
          <li>
            <Link href="/organisatie" className={item}>
              <PeopleIcon />
              {t.nav.organisation}
            </Link>
          </li>
        )}
        {hasDossiers && (
          <li>
            <Link href="/mijn-dossiers" className={item}>
              <PeopleIcon />
              {t.nav.myDossiers}
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
