import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { env } from '@/lib/config/env';

/**
 * Benchmark control: a dynamic page under the root layout that touches neither the database
 * nor a session (requested without a cookie). `npm run bench` divides every page's figures by
 * this one's, and `npm run budget:js` uses its scripts as the framework baseline.
 * It is routed only in the benchmark's build (next.config.ts pageExtensions), and answers 404
 * there too when APP_ENV is production.
 */
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Controle', robots: { index: false } };

export default function BenchControlPage() {
  if (env().APP_ENV === 'production') notFound();
  return (
    <section aria-labelledby="controle-titel">
      <h1 id="controle-titel" className="text-2xl font-bold">
        Controle
      </h1>
      <p>Lege pagina voor metingen.</p>
    </section>
  );
}
