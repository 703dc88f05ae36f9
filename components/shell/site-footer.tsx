import { env } from '@/lib/config/env';
import { t as dutch } from '@/lib/i18n';
import type { Messages } from '@/lib/i18n/nl-BE';

export function SupportContact({ m: t = dutch }: { m?: Messages }) {
  const { SUPPORT_EMAIL, SUPPORT_PHONE } = env();
  return (
    <>
      {t.app.mailTo}{' '}
      <a className="font-medium underline" href={`mailto:${SUPPORT_EMAIL}`}>
        {SUPPORT_EMAIL}
      </a>{' '}
      {t.app.footerOrCall}{' '}
      <a className="font-medium underline" href={`tel:${SUPPORT_PHONE.replace(/[^+\d]/g, '')}`}>
        {SUPPORT_PHONE}
      </a>
    </>
  );
}

export function SiteFooter({ m: t = dutch }: { m?: Messages }) {
  return (
    <footer className="mt-12 border-t border-slate-300 bg-white">
      <p className="mx-auto max-w-6xl px-4 py-6 text-sm text-slate-700">
        {t.app.footerHelp} <SupportContact m={t} />.
      </p>
    </footer>
  );
}
