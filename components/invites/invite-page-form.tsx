'use client';

import { useActionState, useState } from 'react';
import type { InviteRole } from '@/lib/codes';
import { t } from '@/lib/i18n';
import { fill } from '@/lib/i18n/format';
import { EMPTY_INVITE_FORM, INVITE_FIELDS as F, type InviteFormState } from '@/lib/invites/invite-form-state';
import { CheckResultNote, InviteFields, InviteFormIntro, inviteButton as button } from './invite-fields';
import { sendLabel, type InviteSubject } from './invite-subject';

/**
 * "Nodig een … uit" on the invitation page: one plain form posting to a server action, so Check
 * and Verstuur work before (and without) JavaScript. Check answers in the form's state (with the
 * check token in a hidden field); Verstuur posts the field's address with that token, and the
 * server sends only when both agree, then leads back to the list.
 */
export function InvitePageForm({
  action,
  role,
  subject,
  backHref,
  rolesHref,
}: {
  action: (state: InviteFormState, form: FormData) => Promise<InviteFormState>;
  role: InviteRole;
  subject: InviteSubject;
  /** 'Beheer contacten' or the unit's page. */
  backHref: string;
  /** "Wie wil je uitnodigen?" (the page without `?rol=`). */
  rolesHref: string;
}) {
  const [state, formAction, pending] = useActionState(action, EMPTY_INVITE_FORM);
  // Once hydrated, typing in the field after Check disables Verstuur until the next Check (as in the dialog).
  const [editedAfter, setEditedAfter] = useState<InviteFormState | null>(null);
  const { values, result } = state;
  const checked = result?.status === 'ok' ? result : null;
  const canSend = checked !== null && editedAfter !== state && !pending;
  const emailError = result?.status === 'invalid' ? result.fieldErrors?.email : undefined;
  return (
    <form action={formAction} noValidate aria-labelledby="invite-form-title">
      <a href={rolesHref} className="mb-2 inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline">
        <span aria-hidden="true">←&nbsp;</span>
        {t.invite.backToRoles}
      </a>
      <InviteFormIntro role={role} subject={subject} titleId="invite-form-title" />
      <input type="hidden" name={F.role} value={role} />
      {/* A new key per answer: the fields show what the server answered (after React resets the form). */}
      <div key={JSON.stringify(values)}>
        <InviteFields
          role={role}
          emailError={emailError}
          email={{ name: F.email, defaultValue: values.email, onChange: () => setEditedAfter(state) }}
          expectedName={{ name: F.expectedName, defaultValue: values.expectedName }}
          locale={{ name: F.locale, defaultValue: values.locale }}
        />
      </div>
      {checked && <input type="hidden" name={F.checkToken} value={checked.checkToken} />}
      <CheckResultNote result={result}>
        {result?.status === 'typo' && (
          <button type="submit" name={F.suggestion} value={result.suggestion} className={`${button} mt-2 border border-amber-800 bg-white text-amber-900`}>
            {fill(t.invite.result.useSuggestion, { suggestion: result.suggestion })}
          </button>
        )}
        {result?.status === 'open_invitation' && (
          // Resending or replacing it is done from the list of open invitations.
          <a href={backHref} className="mt-2 inline-flex min-h-11 items-center font-semibold underline">
            {t.invite.result.toOpenInvitations}
          </a>
        )}
      </CheckResultNote>
      <div className="mt-5 flex flex-wrap gap-2">
        {/* The first submit button: Enter in a field is Check. */}
        <button type="submit" name={F.step} value="check" disabled={pending} className={`${button} border border-brand-700 bg-white text-brand-700`}>
          {t.invite.check}
        </button>
        <button type="submit" name={F.step} value="send" disabled={!canSend} className={`${button} bg-brand-700 text-white`}>
          {sendLabel(subject)}
        </button>
        <a href={backHref} className={`${button} inline-flex items-center text-slate-800 underline`}>
          {t.invite.cancel}
        </a>
      </div>
    </form>
  );
}
