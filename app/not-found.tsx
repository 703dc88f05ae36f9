import Link from 'next/link';
import { PageTitle } from '@/components/ui/page-title';
import { getMessages } from '@/lib/i18n/request-locale';

export default async function NotFound() {
  const t = await getMessages();
  return (
    <section className="max-w-xl">
      <PageTitle>{t.errors.notFoundTitle}</PageTitle>
      <p>{t.errors.notFoundBody}</p>
      <p className="mt-4">
        <Link className="font-medium text-brand-700 underline" href="/">
          {t.errors.backHome}
        </Link>
      </p>
    </section>
  );
}
