import type { Metadata } from 'next';
import { t } from '@/lib/i18n';
import { requireUnit } from '@/lib/organisation/require-unit';
import { UnitPage } from '../../unit-page';

export const metadata: Metadata = { title: t.organisation.title };

export default async function SchoolPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ uitgenodigd?: string | string[] }> }) {
  const { id } = await params;
  const { grant } = await requireUnit({ kind: 'school', id }, 'unit.view', `/organisatie/scholen/${id}`);
  return <UnitPage grant={grant} sentId={(await searchParams).uitgenodigd} />;
}
