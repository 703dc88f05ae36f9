import { ActionButton } from '@/components/ui/action-button';
import { formatDateTime, roleLabel, t } from '@/lib/i18n';
import { RefreshWhileQueued } from './refresh-while-queued';
import { fill } from '@/lib/i18n/format';
import type { ActionResult } from '@/lib/actions/result';
import type { listOpenInvitations } from '@/lib/invites/list-open-invitations';

type Row = Awaited<ReturnType<typeof listOpenInvitations>>[number];

/** The row actions, as server actions taking the invitation's id (the page binds them to its target). */
export type InvitationRowActions = {
  retry: (invitationId: string) => Promise<ActionResult>;
  resend: (invitationId: string) => Promise<ActionResult>;
  cancel: (invitationId: string) => Promise<ActionResult>;
  /** The delivery state per open invitation, for the page to follow 'In wachtrij' without a reload. */
  deliveryStates: () => Promise<Record<string, string>>;
};

const deliveryTone = {
  queued: 'bg-slate-200 text-slate-900',
  sending: 'bg-slate-200 text-slate-900',
  sent: 'bg-green-100 text-green-900',
  failed: 'bg-red-100 text-red-900',
} as const;

/** 'Openstaande uitnodigingen' with Opnieuw versturen, Annuleren and, for a failed mail, a retry. */
export function OpenInvitations({ rows, actions, empty }: { rows: Row[]; actions: InvitationRowActions; empty?: string }) {
  if (rows.length === 0) return <p>{empty ?? t.contacts.noInvitations}</p>;
  const l = t.invite.list;
  return (
    <>
    <RefreshWhileQueued shown={Object.fromEntries(rows.map((inv) => [inv.id, inv.delivery]))} states={actions.deliveryStates} />
    <ul className="grid gap-3">
      {rows.map((inv) => (
        <li key={inv.id} className="rounded-md border border-slate-200 p-3" data-testid="invitation">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div>
              <p className="font-semibold break-all">{inv.email}</p>
              <p className="text-sm">
                <span className="sr-only">{l.role}: </span>
                <span className="rounded-full bg-brand-100 px-2 py-0.5 font-medium text-brand-800">{roleLabel(inv.role)}</span>
                {inv.expired && <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 font-medium text-amber-900">{l.expired}</span>}
              </p>
            </div>
            <p className="text-sm">
              <span className="text-slate-700">{l.delivery}: </span>
              <span className={`rounded-full px-2 py-0.5 font-medium ${deliveryTone[inv.delivery]}`} data-testid="delivery">
                {t.invite.delivery[inv.delivery]}
              </span>
            </p>
          </div>
          <dl className="mt-2 grid gap-x-4 text-sm sm:grid-cols-3">
            <div>
              <dt className="inline text-slate-700">{l.invitedBy}: </dt>
              <dd className="inline">{inv.invitedBy ?? t.organisation.installation}</dd>
            </div>
            <div>
              <dt className="inline text-slate-700">{l.sentAt}: </dt>
              <dd className="inline">{formatDateTime(inv.sentAt)}</dd>
            </div>
            <div>
              <dt className="inline text-slate-700">{inv.expired ? l.expiredOn : l.expiresAt}: </dt>
              <dd className="inline">{formatDateTime(inv.expiresAt)}</dd>
            </div>
          </dl>
          <div className="mt-3 flex flex-wrap gap-2">
            {inv.delivery === 'failed' && <ActionButton label={l.retry} run={actions.retry.bind(null, inv.id)} />}
            <ActionButton label={l.resend} run={actions.resend.bind(null, inv.id)} />
            <ActionButton
              label={l.cancel}
              variant="danger"
              run={actions.cancel.bind(null, inv.id)}
              confirmId={`annuleren-${inv.id}`}
              confirm={{ question: fill(l.confirmCancel, { email: inv.email }), yes: l.confirmYes, no: l.confirmNo }}
            />
          </div>
        </li>
      ))}
    </ul>
    </>
  );
}
