const tones = {
  info: 'border-brand-600 bg-brand-50 text-brand-800',
  success: 'border-green-700 bg-green-50 text-green-900',
  warning: 'border-amber-700 bg-amber-50 text-amber-900',
  error: 'border-red-700 bg-red-50 text-red-900',
} as const;

/** A boxed message; `role="status"` when it reports the outcome of something the person did. */
export function Notice({
  tone = 'info',
  children,
  live = false,
}: {
  tone?: keyof typeof tones;
  children: React.ReactNode;
  live?: boolean;
}) {
  return (
    <div role={live ? 'status' : undefined} className={`rounded-md border-l-4 px-4 py-3 ${tones[tone]}`}>
      {children}
    </div>
  );
}
