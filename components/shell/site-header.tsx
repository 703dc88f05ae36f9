import Link from 'next/link';
import { canOpenOrganisation } from '@/lib/auth/permissions';
import { isStaff } from '@/lib/auth/scope';
import { env } from '@/lib/config/env';
import type { Viewer } from '@/lib/auth/find-session';
import { t } from '@/lib/i18n';
import { MainNav } from './main-nav';
import { personName } from '@/lib/text/person-name';

/** The bar on every page: the product's name, the signed-in person, 'Afmelden' (the layout hands it the sign-out action) and the navigation. */
export function SiteHeader({ viewer, hasDossiers, signOut }: { viewer: Viewer | null; hasDossiers: boolean; signOut: () => Promise<void> }) {
  return (
    <header className="border-b border-brand-800 bg-brand-700 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="text-xl font-bold tracking-tight">
          {env().APP_NAME}
        </Link>
        {viewer && (
          <div className="flex items-center gap-3 text-sm">
            <span>
              <span className="sr-only">{t.app.signedInAs} </span>
              <span data-testid="viewer-name">
                {personName(viewer.user)}
              </span>
            </span>
            <form action={signOut}>
              <button
                type="submit"
                className="min-h-11 rounded-md border border-white/70 px-3 py-1.5 font-medium hover:bg-white/10"
              >
                {t.app.signOut}
              </button>
            </form>
          </div>
        )}
      </div>
      {viewer && <MainNav isStaff={isStaff(viewer.memberships)} organisation={canOpenOrganisation(viewer.memberships)} hasDossiers={hasDossiers} />}
    </header>
  );
}
