import Link from 'next/link';
import { InviteDialog } from '@/components/invites/invite-dialog';
import { unitSubject } from '@/components/invites/invite-subject';
import { OpenInvitations } from '@/components/invites/open-invitations';
import { SentNotice } from '@/components/invites/sent-notice';
import { NameForm } from '@/components/organisation/name-form';
import { EndedStaff, StaffList } from '@/components/organisation/staff-list';
import { ActionButton } from '@/components/ui/action-button';
import { StatusAnnouncer } from '@/components/ui/status-announcer';
import { db } from '@/lib/db/client';
import { t } from '@/lib/i18n';
import { fill } from '@/lib/i18n/format';
import { listOpenInvitations } from '@/lib/invites/list-open-invitations';
import { listChildUnits } from '@/lib/organisation/list-units';
import { listUnitStaff } from '@/lib/organisation/list-unit-staff';
import { narrowUnitGrant, type UnitGrant, type UnitRef } from '@/lib/organisation/unit-grant';
import { unitPath } from '@/lib/organisation/unit-path';
import {
  addUnitAction,
  cancelStaffInviteAction,
  checkStaffInviteAction,
  deactivateUnitAction,
  endMembershipAction,
  renameUnitAction,
  resendStaffInviteAction,
  retryStaffMailAction,
  sendStaffInviteAction,
  staffDeliveryStatesAction,
} from './actions';

const card = 'rounded-lg bg-white p-4 shadow-sm';

/**
 * The page of one unit in 'Beheer organisatie' (the centre, a school, a department): what the
 * caller's grant allows — rename and deactivate, the units under it, its staff with
 * 'Toegang intrekken', 'Nodig iemand nieuw uit' for its staff role and the open invitations.
 * `sentId` is the invitation the invitation page just sent (its confirmation).
 */
export async function UnitPage({ grant, sentId }: { grant: UnitGrant<'unit.view'>; sentId?: unknown }) {
  const { unit } = grant;
  const o = t.organisation;
  const ref: UnitRef = { kind: unit.kind, id: unit.id };
  const manageUnits = narrowUnitGrant(grant, 'units.manage');
  const manageStaff = narrowUnitGrant(grant, 'staff.manage');
  const relink = narrowUnitGrant(grant, 'people.relink');
  const [children, staff, invitations] = await Promise.all([
    listChildUnits(db(), grant),
    listUnitStaff(db(), grant),
    manageStaff ? listOpenInvitations(db(), manageStaff) : Promise.resolve([]),
  ]);
  const childKind = unit.kind === 'centre' ? 'school' : 'department';
  const canInvite = manageStaff && unit.active;
  const title = unit.kind === 'centre' ? o.title : unit.name;
  return (
    <article aria-labelledby="eenheid-titel" className="grid gap-6">
      <StatusAnnouncer>
        {unit.kind !== 'centre' && (
          <p>
            {unit.kind === 'department' ? (
              <Link href={unitPath({ kind: 'school', id: unit.schoolId! })} className="text-brand-700 underline">
                {fill(o.backToSchool, { name: unit.schoolName! })}
              </Link>
            ) : (
              <Link href="/organisatie" className="text-brand-700 underline">
                {o.backToCentre}
              </Link>
            )}
          </p>
        )}
        <header>
          <p className="text-sm font-medium text-slate-700">
            {unit.kind === 'centre' ? unit.centreName : unit.kind === 'school' ? o.school : `${o.department} · ${unit.schoolName}`}
          </p>
          <h1 id="eenheid-titel" className="text-2xl font-bold tracking-tight sm:text-3xl">
            {title}
            {!unit.active && <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 align-middle text-base font-medium text-amber-900">{o.inactive}</span>}
          </h1>
          {unit.kind === 'centre' && <p className="mt-1 text-slate-700">{o.intro}</p>}
        </header>
        {manageStaff && <SentNotice invitations={invitations} sentId={sentId} />}

        {manageUnits && unit.kind !== 'centre' && unit.active && (
          <section aria-labelledby="naam-wijzigen" className={`${card} grid gap-4`}>
            <h2 id="naam-wijzigen" className="text-lg font-semibold">
              {o.rename}
            </h2>
            <NameForm action={renameUnitAction.bind(null, ref)} label={o.newName} submit={o.save} defaultValue={unit.name} testId="rename-form" />
            <div>
              <ActionButton
                label={o.deactivate}
                variant="danger"
                run={deactivateUnitAction.bind(null, ref)}
                confirmId="deactiveren"
                confirm={{ question: fill(o.deactivateConfirm, { name: unit.name }), yes: o.deactivateYes, no: o.deactivateNo }}
              />
            </div>
          </section>
        )}

        {unit.kind !== 'department' && (
          <section aria-labelledby="onderliggend" className={`${card} grid gap-4`}>
            <h2 id="onderliggend" className="text-lg font-semibold">
              {childKind === 'school' ? o.schoolsTitle : o.departmentsTitle}
            </h2>
            {children.length === 0 ? (
              <p>{childKind === 'school' ? o.noSchools : o.noDepartments}</p>
            ) : (
              <ul className="grid gap-2 sm:grid-cols-2">
                {children.map((child) => (
                  <li key={child.id}>
                    <Link
                      href={unitPath({ kind: childKind, id: child.id })}
                      className="flex min-h-11 items-center justify-between gap-2 rounded-md border border-slate-200 px-3 py-2 font-medium text-brand-700 underline"
                    >
                      {child.name}
                      {!child.active && <span className="rounded-full bg-amber-100 px-2 py-0.5 text-sm text-amber-900 no-underline">{o.inactive}</span>}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
            {manageUnits && unit.active && (
              <NameForm
                action={addUnitAction.bind(null, ref)}
                label={childKind === 'school' ? o.schoolName : o.departmentName}
                submit={childKind === 'school' ? o.addSchool : o.addDepartment}
                testId="add-unit-form"
              />
            )}
          </section>
        )}

        <section aria-labelledby="medewerkers" className={`${card} grid gap-4`}>
          <div className="flex flex-wrap items-start justify-between gap-4">
            <h2 id="medewerkers" className="text-lg font-semibold">
              {o.staffTitle[unit.staffRole]}
            </h2>
            {canInvite && (
              <InviteDialog
                roles={[unit.staffRole]}
                subject={unitSubject(unit)}
                href={`${unitPath(unit)}/uitnodigen`}
                actions={{
                  cancel: cancelStaffInviteAction.bind(null, ref),
                  check: checkStaffInviteAction.bind(null, ref),
                  send: sendStaffInviteAction.bind(null, ref),
                  resend: resendStaffInviteAction.bind(null, ref),
                }}
              />
            )}
          </div>
          <StaffList staff={staff} end={manageStaff ? endMembershipAction.bind(null, ref) : undefined} />
        </section>

        {manageStaff && (
          <section aria-labelledby="uitnodigingen" className={card}>
            <h2 id="uitnodigingen" className="mb-3 text-lg font-semibold">
              {o.invitationsTitle}
            </h2>
            <OpenInvitations
              rows={invitations}
              empty={o.noInvitations}
              actions={{
                retry: retryStaffMailAction.bind(null, ref),
                resend: resendStaffInviteAction.bind(null, ref),
                cancel: cancelStaffInviteAction.bind(null, ref),
                deliveryStates: staffDeliveryStatesAction.bind(null, ref),
              }}
            />
          </section>
        )}

        {relink && (
          <section aria-labelledby="koppel-opnieuw" className={`${card} grid gap-2`}>
            <h2 id="koppel-opnieuw" className="text-lg font-semibold">
              {o.relink.title}
            </h2>
            <p>{o.relink.cardIntro}</p>
            <p>
              <Link href="/organisatie/koppel-opnieuw" className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
                {o.relink.title}
              </Link>
            </p>
          </section>
        )}

        {manageStaff && staff.ended.length > 0 && (
          <section aria-labelledby="ingetrokken" className={card}>
            <h2 id="ingetrokken" className="mb-3 text-lg font-semibold">
              {o.historyTitle}
            </h2>
            <EndedStaff staff={staff} />
          </section>
        )}
      </StatusAnnouncer>
    </article>
  );
}
