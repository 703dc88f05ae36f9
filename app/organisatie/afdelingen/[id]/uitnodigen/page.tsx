import type { Metadata } from 'next';
import { t } from '@/lib/i18n';
import { UnitInvitePage } from '../../../unit-invite-page';

export const metadata: Metadata = { title: t.invite.open };

export default async function DepartmentInvitePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ rol?: string | string[] }> }) {
  const { id } = await params;
  return <UnitInvitePage unit={{ kind: 'department', id }} rol={(await searchParams).rol} />;
}
