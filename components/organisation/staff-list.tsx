import { ActionButton } from '@/components/ui/action-button';
import type { ActionResult } from '@/lib/actions/result';
import { formatDate, formatDateTime, t } from '@/lib/i18n';
import { fill } from '@/lib/i18n/format';
import type { UnitStaff } from '@/lib/organisation/list-unit-staff';

const c = t.organisation.columns;

/**
 * A unit's staff: the name itsme confirmed, role, since, invited by; 'Toegang intrekken' when
 * the page passes `end` (the caller may manage this unit's staff). The last centre-staff member
 * gets no button but the reason.
 */
export function StaffList({ staff, end }: { staff: UnitStaff; end?: (membershipId: string) => Promise<ActionResult> }) {
  const o = t.organisation;
  if (staff.active.length === 0) return <p>{o.noStaff}</p>;
  return (
    <ul className="grid gap-3">
      {staff.active.map((s) => (
        <li key={s.id} className="rounded-md border border-slate-200 p-3" data-testid="staff-member">
          <p className="font-semibold">{s.name}</p>
          <dl className="mt-1 grid gap-x-4 text-sm sm:grid-cols-3">
            <div>
              <dt className="inline text-slate-700">{c.role}: </dt>
              <dd className="inline">{t.roles.staff[s.role]}</dd>
            </div>
            <div>
              <dt className="inline text-slate-700">{c.since}: </dt>
              <dd className="inline">{formatDate(s.since)}</dd>
            </div>
            <div>
              <dt className="inline text-slate-700">{c.invitedBy}: </dt>
              <dd className="inline">{s.invitedBy ?? o.unknownInviter}</dd>
            </div>
          </dl>
          {end &&
            (staff.lastCentreStaff ? (
              <p className="mt-2 rounded-md border-l-4 border-amber-700 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="last-centre-staff">
                {o.lastCentreStaff}
              </p>
            ) : (
              <div className="mt-3">
                <ActionButton
                  label={o.endAccess}
                  variant="danger"
                  run={end.bind(null, s.id)}
                  confirmId={`intrekken-${s.id}`}
                  confirm={{ question: fill(o.endConfirm, { name: s.name, role: t.roles.staff[s.role] }), yes: o.endYes, no: o.endNo }}
                />
              </div>
            ))}
        </li>
      ))}
    </ul>
  );
}

/** Ended memberships: who, role, ended by whom and when. */
export function EndedStaff({ staff }: { staff: UnitStaff }) {
  return (
    <ul className="grid gap-2">
      {staff.ended.map((s) => (
        <li key={s.id} className="rounded-md border border-slate-200 p-3 text-sm" data-testid="ended-member">
          <p className="font-semibold">{s.name}</p>
          <p>
            {t.roles.staff[s.role]} · {c.endedBy}: {s.endedBy ?? t.organisation.unknownInviter} · {c.endedAt}: {s.endedAt ? formatDateTime(s.endedAt) : ''}
          </p>
        </li>
      ))}
    </ul>
  );
}
