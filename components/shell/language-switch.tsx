'use client';

import { usePathname } from 'next/navigation';
import { LOCALES, type Locale } from '@/lib/codes';
import { LANGUAGE_NAMES, LANGUAGE_TAGS } from '@/lib/i18n';

/**
 * Nederlands · Français · English: each a native form POSTing to /taal/<code> (so it works
 * before JavaScript, and the account's language changes only by a POST), which remembers the
 * choice and comes back to this page. Each name is in its own language (and marked so for
 * screen readers).
 */
export function LanguageSwitch({ current, label }: { current: Locale; label: string }) {
  const pathname = usePathname() ?? '/';
  return (
    <nav aria-label={label} className="text-sm">
      <ul className="flex flex-wrap gap-1" data-testid="language-switch">
        {LOCALES.map((code) => (
          <li key={code}>
            {code === current ? (
              <span aria-current="true" lang={LANGUAGE_TAGS[code]} className="inline-flex min-h-11 items-center px-2 font-bold">
                {LANGUAGE_NAMES[code]}
              </span>
            ) : (
              <form method="post" action={`/taal/${code}?terug=${encodeURIComponent(pathname)}`}>
                <button type="submit" lang={LANGUAGE_TAGS[code]} className="inline-flex min-h-11 items-center px-2 underline hover:bg-white/10">
                  {LANGUAGE_NAMES[code]}
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
