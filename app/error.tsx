'use client';

import { t } from '@/lib/i18n';
import { fill } from '@/lib/i18n/format';

/**
 * Never a stack trace: a Dutch message, a retry, and Next's digest of the error ('Foutcode'), which
 * the server's log line of that error carries too, so support can find it.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="max-w-xl">
      <h1 className="mb-4 text-2xl font-bold">{t.errors.unexpectedTitle}</h1>
      <p>{t.errors.unexpectedBody}</p>
      {error.digest ? <p className="mt-2 text-sm text-slate-700">{fill(t.errors.code, { code: error.digest })}</p> : null}
      <button type="button" onClick={reset} className="mt-4 min-h-11 rounded-md bg-brand-700 px-4 py-2 font-semibold text-white">
        {t.errors.retry}
      </button>
    </section>
  );
}
