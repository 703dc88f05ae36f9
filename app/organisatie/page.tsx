import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageTitle } from '@/components/ui/page-title';
import { requestOrigin, requireViewer } from '@/lib/auth/viewer';
import { db } from '@/lib/db/client';
import { t } from '@/lib/i18n';
import { requireUnit } from '@/lib/organisation/require-unit';
import { resolveUnitGrant } from '@/lib/organisation/unit-grant';
import { unitPath } from '@/lib/organisation/unit-path';
import { UnitPage } from './unit-page';

export const metadata: Metadata = { title: t.organisation.title };

/**
 * 'Beheer organisatie': centre staff get their centre's page; a school manager the schools
 * they manage (each school's page lets them manage its departments' staff); anyone else 404.
 */
export default async function OrganisationPage({ searchParams }: { searchParams: Promise<{ uitgenodigd?: string | string[] }> }) {
  const viewer = await requireViewer('/organisatie');
  const centreId = viewer.memberships.find((m) => m.role === 'centre_staff')?.centreId;
  if (centreId) {
    const { grant } = await requireUnit({ kind: 'centre', id: centreId }, 'unit.view', '/organisatie');
    return <UnitPage grant={grant} sentId={(await searchParams).uitgenodigd} />;
  }
  const origin = await requestOrigin();
  const schools = (
    await Promise.all(
      viewer.memberships
        .filter((m) => m.role === 'school_manager' && m.schoolId)
        .map((m) => resolveUnitGrant(db(), viewer, { kind: 'school', id: m.schoolId! }, 'unit.view', origin)),
    )
  ).filter((g) => g !== null);
  if (schools.length === 0) notFound();
  return (
    <section aria-labelledby="organisatie-titel">
      <PageTitle id="organisatie-titel">{t.organisation.title}</PageTitle>
      <h2 className="mb-3 text-lg font-semibold">{t.organisation.myUnitsTitle}</h2>
      <ul className="grid gap-2 sm:grid-cols-2">
        {schools.map((g) => (
          <li key={g.unit.id}>
            <Link href={unitPath(g.unit)} className="flex min-h-11 items-center rounded-md border border-slate-200 bg-white px-3 py-2 font-medium text-brand-700 underline">
              {g.unit.name}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
