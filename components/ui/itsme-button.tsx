import { t } from '@/lib/i18n';
import { SubmitButton } from './submit-button';

/** itsme's orange button with its wording; large bold text keeps the white-on-orange contrast AA. */
export function ItsmeButton({ label = t.signIn.button }: { label?: string }) {
  return (
    <SubmitButton
      label={label}
      busyLabel={t.signIn.redirecting}
      className="inline-flex min-h-12 w-full items-center justify-center gap-3 rounded-lg bg-itsme px-5 py-3 text-xl font-bold text-white shadow-sm hover:bg-itsme-dark disabled:opacity-90 sm:w-auto"
      icon={
        <svg aria-hidden="true" focusable="false" width="28" height="28" viewBox="0 0 28 28">
          <rect width="28" height="28" rx="6" fill="#fff" />
          <circle cx="9" cy="10" r="2.5" fill="#ff4612" />
          <path d="M7 15.5c1.5 3 4 4.5 7 4.5s5.5-1.5 7-4.5" stroke="#ff4612" strokeWidth="2.5" fill="none" strokeLinecap="round" />
        </svg>
      }
    />
  );
}
