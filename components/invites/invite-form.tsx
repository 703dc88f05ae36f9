'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import type { ActionResult } from '@/lib/actions/result';
import { roleLabel, t } from '@/lib/i18n';
import type { CheckResult } from '@/lib/invites/check-result';
import { DEFAULT_LOCALE, isLocale, type InviteRole, type Locale } from '@/lib/codes';
import { fill } from '@/lib/i18n/format';
import { inviteEmailSchema, type InviteEmailInput, type InviteEmailOutput } from '@/lib/invites/invite-form-schema';
import type { InviteFormResult } from '@/lib/invites/invite-form-state';
import { CheckResultNote, InviteFields, InviteFormIntro, inviteButton as button } from './invite-fields';
import { sendLabel, type InviteSubject } from './invite-subject';

/** The server actions of one invitation target, bound to it by the page (components never import routes). */
export type InviteActions = {
  check: (input: { role: InviteRole; email: string }) => Promise<CheckResult>;
  /** `locale` and `expectedName` matter for a dossier invitation only (staff invitations are Dutch and not name-bound). */
  send: (input: { role: InviteRole; email: string; checkToken: string; locale: Locale; expectedName: string }) => Promise<ActionResult>;
  resend: (invitationId: string) => Promise<ActionResult>;
  cancel: (invitationId: string) => Promise<ActionResult>;
};

type Props = {
  actions: InviteActions;
  role: InviteRole;
  subject: InviteSubject;
  titleId: string;
  onCancel: () => void;
  /** Back to "Wie wil je uitnodigen?". */
  onBack: () => void;
  onDone: (message: string) => void;
};

/** "Nodig een … uit": Check, then Verstuur for exactly the address that passed Check. */
export default function InviteForm({ actions, role, subject, titleId, onCancel, onBack, onDone }: Props) {
  const form = useForm<InviteEmailInput, unknown, InviteEmailOutput>({ resolver: zodResolver(inviteEmailSchema), defaultValues: { email: '' } });
  const [result, setResult] = useState<InviteFormResult | null>(null);
  const [checked, setChecked] = useState<{ email: string; token: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const [locale, setLocale] = useState<Locale>(DEFAULT_LOCALE);
  const [expectedName, setExpectedName] = useState('');
  const [op, setOp] = useState<'check' | 'send'>('check');
  const current = form.watch('email');
  const canSend = checked !== null && current === checked.email && !pending;
  const fieldError = form.formState.errors.email?.message;

  const runCheck = (email: string) =>
    startTransition(async () => {
      setOp('check');
      setChecked(null);
      try {
        const answer = await actions.check({ role, email });
        setResult(answer);
        if (answer.status === 'ok') {
          form.setValue('email', answer.email);
          setChecked({ email: answer.email, token: answer.checkToken });
        }
      } catch {
        setResult({ status: 'error', message: t.invite.errors.unexpected });
      }
    });

  const send = () =>
    startTransition(async () => {
      setOp('send');
      if (!checked) return;
      try {
        const answer = await actions.send({ role, email: checked.email, checkToken: checked.token, locale, expectedName });
        if (answer.ok) onDone(answer.message);
        else {
          setChecked(null);
          setResult({ status: 'error', message: answer.message });
        }
      } catch {
        setResult({ status: 'error', message: t.invite.errors.unexpected });
      }
    });

  const resendOpen = (invitationId: string) =>
    startTransition(async () => {
      const answer = await actions.resend(invitationId);
      if (answer.ok) onDone(answer.message);
      else setResult({ status: 'error', message: answer.message });
    });

  /** An open invitation in another role: cancel it, then Check this address again for this role. */
  const replaceOpen = (invitationId: string, email: string) =>
    startTransition(async () => {
      try {
        const cancelled = await actions.cancel(invitationId);
        if (!cancelled.ok) {
          setResult({ status: 'error', message: cancelled.message });
          return;
        }
      } catch {
        setResult({ status: 'error', message: t.invite.errors.unexpected });
        return;
      }
      runCheck(email);
    });

  return (
    <form noValidate onSubmit={form.handleSubmit(({ email }) => runCheck(email))}>
      <button type="button" onClick={onBack} className="mb-2 min-h-11 text-sm font-medium text-brand-700 underline">
        <span aria-hidden="true">← </span>
        {t.invite.backToRoles}
      </button>
      <InviteFormIntro role={role} subject={subject} titleId={titleId} />
      <InviteFields
        role={role}
        emailError={fieldError}
        email={form.register('email', { onChange: () => setResult(null) })}
        expectedName={{ value: expectedName, onChange: (event) => setExpectedName(event.target.value) }}
        locale={{ value: locale, onChange: (event) => setLocale(isLocale(event.target.value) ? event.target.value : DEFAULT_LOCALE) }}
      />
      <CheckResultNote result={result}>
        {result && (
          <>
            {result.status === 'typo' && (
              <button
                type="button"
                className={`${button} mt-2 border border-amber-800 bg-white text-amber-900`}
                onClick={() => {
                  form.setValue('email', result.suggestion, { shouldValidate: true });
                  runCheck(result.suggestion);
                }}
              >
                {fill(t.invite.result.useSuggestion, { suggestion: result.suggestion })}
              </button>
            )}
            {result.status === 'open_invitation' && (
              <button
                type="button"
                className={`${button} mt-2 border border-amber-800 bg-white text-amber-900`}
                onClick={() => resendOpen(result.invitationId)}
              >
                {t.invite.result.resendOpen}
              </button>
            )}
            {result.status === 'open_invitation' && result.role !== role && (
              <button
                type="button"
                disabled={pending}
                className={`${button} mt-2 ml-0 block border border-amber-800 bg-white text-amber-900 sm:ml-2 sm:inline-block`}
                onClick={() => replaceOpen(result.invitationId, current)}
              >
                {fill(t.invite.result.replaceOpen, { role: roleLabel(role) })}
              </button>
            )}
          </>
        )}
      </CheckResultNote>
      <div className="mt-5 flex flex-wrap gap-2">
        <button type="submit" disabled={pending} className={`${button} border border-brand-700 bg-white text-brand-700`}>
          {pending && op === 'check' ? t.invite.checking : t.invite.check}
        </button>
        <button type="button" disabled={!canSend} onClick={send} className={`${button} bg-brand-700 text-white`}>
          {pending && op === 'send' ? t.invite.sending : sendLabel(subject)}
        </button>
        <button type="button" onClick={onCancel} className={`${button} text-slate-800 underline`}>
          {t.invite.cancel}
        </button>
      </div>
    </form>
  );
}
