'use client';

import { t } from '@/lib/i18n';

/** Never a stack trace: a Dutch message and a retry. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="max-w-xl">
      <h1 className="mb-4 text-2xl font-bold">{t.errors.unexpectedTitle}</h1>
      <p>{t.errors.unexpectedBody}</p>
      <button type="button" onClick={reset} className="mt-4 min-h-11 rounded-md bg-brand-700 px-4 py-2 font-semibold text-white">
        {t.errors.retry}
      </button>
    </section>
  );
}
