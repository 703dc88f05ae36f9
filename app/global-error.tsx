'use client';

import { t } from '@/lib/i18n';
import { fill } from '@/lib/i18n/format';

/** The root layout itself failed: a Dutch message, a retry, and the error's digest ('Foutcode') for support. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="nl-BE">
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: '1.5rem' }}>
        <main>
          <h1>{t.errors.unavailableTitle}</h1>
          <p>{t.errors.unavailableBody}</p>
          {error.digest ? <p>{fill(t.errors.code, { code: error.digest })}</p> : null}
          <button type="button" onClick={reset}>
            {t.errors.retry}
          </button>
        </main>
      </body>
    </html>
  );
}
