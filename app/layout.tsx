import type { Metadata, Viewport } from 'next';
import { SiteFooter } from '@/components/shell/site-footer';
import { SiteHeader } from '@/components/shell/site-header';
import { getViewer } from '@/lib/auth/viewer';
import { signOutAction } from './actions/sign-out';
import { isStaff } from '@/lib/auth/scope';
import { env } from '@/lib/config/env';
import { REFERRER_POLICY } from '@/lib/security/csp';
import { LANGUAGE_TAGS } from '@/lib/i18n';
import { messagesFor } from '@/lib/i18n/locales';
import { getLocale } from '@/lib/i18n/request-locale';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  return { title: { default: env().APP_NAME, template: `%s · ${env().APP_NAME}` }, robots: { index: false }, referrer: REFERRER_POLICY };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getViewer();
  const hasDossiers = viewer?.hasDossiers ?? false;
  // Staff work in Dutch; anyone else reads the language they chose (the link in the header).
  const locale = await getLocale();
  const t = messagesFor(locale);
  const languages = !viewer || !isStaff(viewer.memberships);
  return (
    <html lang={LANGUAGE_TAGS[locale]}>
      <body className="flex min-h-dvh flex-col">
        <a
          href="#inhoud"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-brand-800"
        >
          {t.app.skipToContent}
        </a>
        <SiteHeader viewer={viewer} hasDossiers={hasDossiers} signOut={signOutAction} m={t} languages={languages ? locale : null} />
        <main id="inhoud" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
          {children}
        </main>
        <SiteFooter m={t} />
      </body>
    </html>
  );
}
