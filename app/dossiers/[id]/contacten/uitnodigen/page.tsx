import type { Metadata } from 'next';
import { InvitePage } from '@/components/invites/invite-page';
import { CONTACT_ROLES } from '@/lib/codes';
import { requireDossier } from '@/lib/dossiers/require-dossier';
import { t } from '@/lib/i18n';
import { roleFromSlug } from '@/lib/invites/role-slug';
import { personName } from '@/lib/text/person-name';
import { inviteFormAction } from '../actions';

export const metadata: Metadata = { title: t.invite.open };

/** 'Nodig iemand nieuw uit' of 'Beheer contacten' as a page: the dialog's steps before JavaScript. */
export default async function InviteContactPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ rol?: string | string[] }> }) {
  const { id } = await params;
  const { rol } = await searchParams;
  const { grant } = await requireDossier(id, 'contacts.manage', `/dossiers/${id}/contacten/uitnodigen`);
  const contacts = `/dossiers/${grant.id}/contacten`;
  return (
    <InvitePage
      subject={{ kind: 'dossier', student: personName(grant.student) }}
      roles={CONTACT_ROLES}
      role={roleFromSlug(rol, CONTACT_ROLES)}
      path={`${contacts}/uitnodigen`}
      backHref={contacts}
      action={inviteFormAction.bind(null, grant.id)}
    />
  );
}
