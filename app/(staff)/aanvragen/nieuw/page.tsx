import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { inputClass, secondaryButton } from '@/components/forms/field';
import { RequestForm } from '@/components/requests/request-form';
import { PageTitle } from '@/components/ui/page-title';
import { maxAttachmentBytes } from '@/lib/attachments/validate-upload';
import { canSubmitRequests } from '@/lib/auth/permissions';
import { requireViewer } from '@/lib/auth/viewer';
import { db } from '@/lib/db/client';
import { t } from '@/lib/i18n';
import { listPlacementsInScope, searchStudentsInScope } from '@/lib/requests/search-students-in-scope';
import { createRequestAction } from './actions';

export const metadata: Metadata = { title: t.newRequest.title };

/** 'Nieuwe aanvraag' (school and department managers): search a student of your scope or add one, then the request. */
export default async function NewRequestPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const q = typeof params.q === 'string' ? params.q.slice(0, 100) : '';
  const viewer = await requireViewer(`/aanvragen/nieuw${q ? `?q=${encodeURIComponent(q)}` : ''}`);
  if (!canSubmitRequests(viewer.memberships)) notFound();
  const [students, placements] = await Promise.all([
    q ? searchStudentsInScope(db(), viewer.memberships, q) : Promise.resolve([]),
    listPlacementsInScope(db(), viewer.memberships),
  ]);
  const m = t.newRequest;
  return (
    <section aria-labelledby="nieuwe-aanvraag-titel" className="grid gap-6">
      <p>
        <Link href="/aanvragen" className="text-brand-700 underline">
          {t.dossier.backToRequests}
        </Link>
      </p>
      <PageTitle id="nieuwe-aanvraag-titel">{m.title}</PageTitle>
      <p>{m.intro}</p>
      <form method="get" action="/aanvragen/nieuw" role="search" className="grid gap-2 rounded-lg bg-white p-4 shadow-sm sm:grid-cols-[1fr_auto] sm:items-end">
        <label className="block">
          <span className="font-medium">{m.searchLabel}</span>
          <input type="search" name="q" defaultValue={q} maxLength={100} autoComplete="off" className={inputClass} />
        </label>
        <button type="submit" className={secondaryButton}>
          {m.search}
        </button>
      </form>
      <RequestForm
        key={q}
        action={createRequestAction}
        target={{
          kind: 'new',
          students: students.map((s) => ({ id: s.id, name: s.name, birthYear: s.birthYear, schoolName: s.schoolName, className: s.className })),
          searched: q !== '',
          placements,
        }}
        maxMb={maxAttachmentBytes() / 1024 / 1024}
      />
    </section>
  );
}
