'use client';

import { t } from '@/lib/i18n';

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="nl-BE">
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: '1.5rem' }}>
        <main>
          <h1>{t.errors.unavailableTitle}</h1>
          <p>{t.errors.unavailableBody}</p>
          <button type="button" onClick={reset}>
            {t.errors.retry}
          </button>
        </main>
      </body>
    </html>
  );
}
