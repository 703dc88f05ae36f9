import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';
import { isStaffRole, LOCALES, type InviteRole } from '@/lib/codes';
import { LANGUAGE_NAMES, LANGUAGE_TAGS, t } from '@/lib/i18n';
import { EXPECTED_NAME_MAX, type InviteFormResult } from '@/lib/invites/invite-form-state';
import { subjectLine, type InviteSubject } from './invite-subject';

/** The form's title, the student it is for (the costliest mistake is the wrong child) and the sensitivity note. */
export function InviteFormIntro({ role, subject, titleId }: { role: InviteRole; subject: InviteSubject; titleId: string }) {
  return (
    <>
      <h2 id={titleId} className="text-xl font-bold">
        {t.invite.formTitle[role]}
      </h2>
      <p className="mb-3 mt-1 font-medium" data-testid="invite-student">
        {subjectLine(subject)}
      </p>
      <p className="mb-4 rounded-md border-l-4 border-brand-600 bg-brand-50 px-3 py-2 text-brand-800">{t.invite.sensitivity}</p>
    </>
  );
}

/**
 * The invite form's fields and its Check answer, once for the dialog (react-hook-form,
 * controlled) and the invitation page (a plain form, before JavaScript): the caller passes the
 * inputs' binding (`name`, `value`/`onChange` or `defaultValue`), the markup and texts are these.
 */
export function InviteFields({
  role,
  emailError,
  email,
  expectedName,
  locale,
}: {
  role: InviteRole;
  emailError?: string;
  email: InputHTMLAttributes<HTMLInputElement>;
  expectedName: InputHTMLAttributes<HTMLInputElement>;
  locale: SelectHTMLAttributes<HTMLSelectElement>;
}) {
  return (
    <>
      <label htmlFor="invite-email" className="block font-medium">
        {t.invite.fieldLabel[role]}
      </label>
      <input
        id="invite-email"
        type="email"
        autoComplete="email"
        inputMode="email"
        autoFocus
        spellCheck={false}
        autoCapitalize="none"
        maxLength={320}
        aria-invalid={emailError ? true : undefined}
        aria-describedby={`invite-email-hint${emailError ? ' invite-email-error' : ''}`}
        className="mt-1 block min-h-11 w-full rounded-md border border-slate-500 px-3 py-2"
        {...email}
      />
      <p id="invite-email-hint" className="mt-1 text-sm text-slate-700">
        {t.invite.sendHint}
      </p>
      {emailError && (
        <p id="invite-email-error" className="mt-1 text-sm font-medium text-red-800">
          {emailError}
        </p>
      )}
      {!isStaffRole(role) && (
        <>
          <label htmlFor="invite-name" className="mt-4 block font-medium">
            {t.invite.nameLabel} <span className="font-normal text-slate-700">{t.invite.nameOptional}</span>
          </label>
          <input
            id="invite-name"
            type="text"
            autoComplete="off"
            maxLength={EXPECTED_NAME_MAX}
            aria-describedby="invite-name-hint"
            className="mt-1 block min-h-11 w-full rounded-md border border-slate-500 px-3 py-2"
            {...expectedName}
          />
          <p id="invite-name-hint" className="mt-1 text-sm text-slate-700">
            {t.invite.nameHint}
          </p>
          <label htmlFor="invite-locale" className="mt-4 block font-medium">
            {t.invite.languageLabel}
          </label>
          <select
            id="invite-locale"
            aria-describedby="invite-locale-hint"
            className="mt-1 block min-h-11 w-full rounded-md border border-slate-500 bg-white px-3 py-2 sm:w-auto"
            {...locale}
          >
            {LOCALES.map((code) => (
              <option key={code} value={code} lang={LANGUAGE_TAGS[code]}>
                {LANGUAGE_NAMES[code]}
              </option>
            ))}
          </select>
          <p id="invite-locale-hint" className="mt-1 text-sm text-slate-700">
            {t.invite.languageHint}
          </p>
        </>
      )}
    </>
  );
}

/** The answer of Check (or of a refused Verstuur) with its follow-up buttons, in the tone of its outcome. */
export function CheckResultNote({ result, children }: { result: InviteFormResult | null; children?: ReactNode }) {
  const tone =
    result?.status === 'ok'
      ? 'border-green-700 bg-green-50 text-green-900'
      : result?.status === 'typo' || result?.status === 'open_invitation' || result?.status === 'has_access'
        ? 'border-amber-700 bg-amber-50 text-amber-900'
        : 'border-red-700 bg-red-50 text-red-900';
  return (
    <div aria-live="polite" data-testid="check-result" className="mt-3">
      {result && (
        <div className={`rounded-md border-l-4 px-3 py-2 ${tone}`}>
          <p>{result.message}</p>
          {children}
        </div>
      )}
    </div>
  );
}

/** The buttons' shared look. */
export const inviteButton = 'min-h-11 rounded-md px-4 py-2 font-semibold disabled:cursor-not-allowed disabled:opacity-60';
