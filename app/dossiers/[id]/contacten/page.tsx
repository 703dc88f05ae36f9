import type { Metadata } from 'next';
import Link from 'next/link';
import { ContactTable } from '@/components/dossiers/contact-table';
import { InviteDialog } from '@/components/invites/invite-dialog';
import { OpenInvitations } from '@/components/invites/open-invitations';
import { SentNotice } from '@/components/invites/sent-notice';
import { ActionButton } from '@/components/ui/action-button';
import { PersonCard } from '@/components/ui/person-card';
import { StatusAnnouncer } from '@/components/ui/status-announcer';
import { listOpenInvitations } from '@/lib/invites/list-open-invitations';
import { fill } from '@/lib/i18n/format';
import { db } from '@/lib/db/client';
import { narrowGrant } from '@/lib/dossiers/dossier-grant';
import { listContacts } from '@/lib/dossiers/list-contacts';
import { requireDossier } from '@/lib/dossiers/require-dossier';
import { formatDate } from '@/lib/i18n';
import { getMessages } from '@/lib/i18n/request-locale';
import { personName } from '@/lib/text/person-name';
import {
  cancelInviteAction,
  checkInviteAction,
  confirmContactAction,
  deliveryStatesAction,
  refuseContactAction,
  resendInviteAction,
  retryMailAction,
  revokeContactAction,
  sendInviteAction,
} from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).contacts.readOnlyTitle };
}

export default async function ContactsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ uitgenodigd?: string | string[] }>;
}) {
  const { id } = await params;
  const { uitgenodigd } = await searchParams;
  const { grant } = await requireDossier(id, 'contacts.view', `/dossiers/${id}/contacten`);
  const manage = narrowGrant(grant, 'contacts.manage');
  const [contacts, invitations] = await Promise.all([listContacts(db(), grant), manage ? listOpenInvitations(db(), manage) : Promise.resolve([])]);
  const dossierId = grant.id;
  // Staff read Dutch; a parent reads 'Wie kan dit dossier zien?' in their own language.
  const t = await getMessages();
  const pending = t.contacts.pending;
  const student = personName(grant.student);
  return (
    <article aria-labelledby="contacten-titel" className="grid gap-6">
      <StatusAnnouncer>
      <p>
        <Link href={`/dossiers/${dossierId}`} className="text-brand-700 underline">
          {t.dossier.backToDossier}
        </Link>
      </p>
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 id="contacten-titel" className="text-2xl font-bold tracking-tight sm:text-3xl">
            {manage ? t.contacts.title : t.contacts.readOnlyTitle}
          </h1>
          <p className="mt-1 text-slate-700">
            {t.dossier.titlePrefix} {student}. {t.contacts.intro}
          </p>
        </div>
        {manage && (
          <InviteDialog
            subject={{ kind: 'dossier', student }}
            href={`/dossiers/${dossierId}/contacten/uitnodigen`}
            actions={{
              cancel: cancelInviteAction.bind(null, dossierId),
              check: checkInviteAction.bind(null, dossierId),
              send: sendInviteAction.bind(null, dossierId),
              resend: resendInviteAction.bind(null, dossierId),
            }}
          />
        )}
      </header>
      {manage && <SentNotice invitations={invitations} sentId={uitgenodigd} />}
      <section aria-labelledby="contacten-lijst" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="contacten-lijst" className="mb-3 text-lg font-semibold">
          {t.contacts.contactsTitle}
        </h2>
        <StatusAnnouncer testId="section-status" takeFocus>
        {contacts.active.length === 0 ? (
          <p>{t.contacts.noContacts}</p>
        ) : (
          <ContactTable
            m={t}
            contacts={contacts.active}
            actions={
              manage
                ? (c) => (
                    <ActionButton
                      label={t.invite.revoke.button}
                      variant="danger"
                      run={revokeContactAction.bind(null, dossierId, c.id)}
                      confirmId={`intrekken-${c.id}`}
                      confirm={{
                        question: fill(t.invite.revoke.confirm, { name: c.name, role: t.roles.contact[c.role] }),
                        yes: t.invite.revoke.yes,
                        no: t.invite.revoke.no,
                      }}
                    />
                  )
                : undefined
            }
          />
        )}
        </StatusAnnouncer>
      </section>
      {manage && contacts.awaitingConfirmation.length > 0 && (
        <section aria-labelledby="wacht-op-bevestiging" className="rounded-lg border-2 border-amber-700 bg-white p-4 shadow-sm">
          <h2 id="wacht-op-bevestiging" className="text-lg font-semibold">
            {pending.title}
          </h2>
          <p className="mb-3 text-sm text-slate-700">{pending.intro}</p>
          <ul className="grid gap-3">
            {contacts.awaitingConfirmation.map((c) => (
              <PersonCard
                key={c.id}
                name={c.name}
                role={t.roles.contact[c.role]}
                roleCaption={t.contacts.columns.role}
                testId="awaiting-contact"
                actions={
                  <div className="flex flex-wrap gap-2">
                    <ActionButton
                      label={pending.confirm}
                      variant="primary"
                      run={confirmContactAction.bind(null, dossierId, c.id)}
                      confirmId={`bevestigen-${c.id}`}
                      confirm={{ question: fill(pending.confirmQuestion, { name: c.name, role: t.roles.contact[c.role] }), yes: pending.confirmYes, no: pending.no }}
                    />
                    <ActionButton
                      label={pending.refuse}
                      variant="danger"
                      run={refuseContactAction.bind(null, dossierId, c.id)}
                      confirmId={`weigeren-${c.id}`}
                      confirm={{ question: fill(pending.refuseQuestion, { name: c.name }), yes: pending.refuseYes, no: pending.no }}
                    />
                  </div>
                }
              >
                <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-2">
                  <div>
                    <dt className="inline text-slate-700">{pending.verified}: </dt>
                    <dd className="inline font-medium" data-testid="verified-name">
                      {c.name}
                    </dd>
                  </div>
                  <div>
                    <dt className="inline text-slate-700">{pending.expected}: </dt>
                    <dd className="inline font-medium" data-testid="expected-name">
                      {c.expectedName ?? <span className="font-normal italic">{pending.noExpected}</span>}
                    </dd>
                  </div>
                  <div>
                    <dt className="inline text-slate-700">{pending.invitedAddress}: </dt>
                    <dd className="inline break-all">{c.invitedEmail}</dd>
                  </div>
                  <div>
                    <dt className="inline text-slate-700">{pending.acceptedOn}: </dt>
                    <dd className="inline">{formatDate(c.grantedAt)}</dd>
                  </div>
                </dl>
              </PersonCard>
            ))}
          </ul>
        </section>
      )}
      {manage && (
        <section aria-labelledby="uitnodigingen" className="rounded-lg bg-white p-4 shadow-sm">
          <h2 id="uitnodigingen" className="mb-3 text-lg font-semibold">
            {t.contacts.invitationsTitle}
          </h2>
          <StatusAnnouncer testId="section-status" takeFocus>
            <OpenInvitations
              rows={invitations}
              actions={{
                retry: retryMailAction.bind(null, dossierId),
                resend: resendInviteAction.bind(null, dossierId),
                cancel: cancelInviteAction.bind(null, dossierId),
                deliveryStates: deliveryStatesAction.bind(null, dossierId),
              }}
            />
          </StatusAnnouncer>
        </section>
      )}
      <section aria-labelledby="medewerkers" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="medewerkers" className="text-lg font-semibold">
          {t.contacts.staffTitle}
        </h2>
        <p className="mb-3 text-sm text-slate-700">{t.contacts.staffIntro}</p>
        <ul className="grid gap-2 sm:grid-cols-2">
          {contacts.staff.map((s, i) => (
            <PersonCard key={i} name={s.name} role={t.roles.staff[s.role]} />
          ))}
        </ul>
      </section>
      {manage && contacts.revoked.length > 0 && (
        <section aria-labelledby="ingetrokken" className="rounded-lg bg-white p-4 shadow-sm">
          <h2 id="ingetrokken" className="mb-3 text-lg font-semibold">
            {t.contacts.historyTitle}
          </h2>
          <ContactTable m={t} contacts={contacts.revoked} />
        </section>
      )}
      </StatusAnnouncer>
    </article>
  );
}
