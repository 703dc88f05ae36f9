import type { ReactNode } from 'react';

export const inputClass = 'mt-1 block min-h-11 w-full rounded-md border border-slate-500 bg-white px-3 py-2';
export const buttonClass = 'min-h-11 rounded-md px-4 py-2 font-semibold disabled:cursor-not-allowed disabled:opacity-60';
export const primaryButton = `${buttonClass} bg-brand-700 text-white hover:bg-brand-800`;
export const secondaryButton = `${buttonClass} border border-brand-700 bg-white text-brand-700 hover:bg-brand-50`;

/** A labelled field with its hint and error, tied to the control by id (aria-describedby). */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: (describedBy: string | undefined, invalid: boolean) => ReactNode;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div>
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      )}
      {children(describedBy, Boolean(error))}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}

/** The form's outcome, announced to screen readers. */
export function FormMessage({ state }: { state: { ok: boolean; message: string } | null }) {
  if (!state) return <div role="status" />;
  return (
    <div
      role="status"
      className={`rounded-md border-l-4 px-4 py-3 ${state.ok ? 'border-green-700 bg-green-50 text-green-900' : 'border-red-700 bg-red-50 text-red-900'}`}
    >
      {state.message}
    </div>
  );
}
