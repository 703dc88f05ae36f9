'use client';

import { useFormStatus } from 'react-dom';

/**
 * A form's submit button that says it is busy while its form is being sent, and takes no second
 * press meanwhile. Without JavaScript it is a plain submit button: the form still works.
 */
export function SubmitButton({
  label,
  busyLabel,
  className,
  icon,
}: {
  label: string;
  busyLabel: string;
  className: string;
  icon?: React.ReactNode;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} disabled={pending} aria-disabled={pending || undefined}>
      {icon}
      <span aria-live="polite">{pending ? busyLabel : label}</span>
    </button>
  );
}
