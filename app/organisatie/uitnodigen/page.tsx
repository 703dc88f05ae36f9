import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireViewer } from '@/lib/auth/viewer';
import { t } from '@/lib/i18n';
import { UnitInvitePage } from '../unit-invite-page';

export const metadata: Metadata = { title: t.invite.open };

/** A new Medewerker leersteuncentrum, invited before JavaScript: the caller's own centre. */
export default async function CentreInvitePage({ searchParams }: { searchParams: Promise<{ rol?: string | string[] }> }) {
  const viewer = await requireViewer('/organisatie/uitnodigen');
  const centreId = viewer.memberships.find((m) => m.role === 'centre_staff')?.centreId;
  if (!centreId) notFound();
  return <UnitInvitePage unit={{ kind: 'centre', id: centreId }} rol={(await searchParams).rol} />;
}
