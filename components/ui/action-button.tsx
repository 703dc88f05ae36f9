'use client';

import { useEffect, useRef, useState, useTransition } from 'react';
import { t } from '@/lib/i18n';
import { useAnnounce } from './status-announcer';

type Result = { ok: boolean; message: string };

const styles = {
  primary: 'bg-brand-700 text-white hover:bg-brand-800',
  secondary: 'border border-brand-700 bg-white text-brand-700 hover:bg-brand-50',
  danger: 'border border-red-800 bg-white text-red-800 hover:bg-red-50',
} as const;

/**
 * A button that runs a server action and announces its outcome. With `confirm`, the first
 * click asks (inline, focus on the confirming button) and only the second click acts.
 */
export function ActionButton({
  label,
  run,
  confirm,
  variant = 'secondary',
}: {
  label: string;
  run: () => Promise<Result>;
  confirm?: { question: string; yes: string; no: string };
  variant?: keyof typeof styles;
}) {
  const [asking, setAsking] = useState(false);
  const [pending, startTransition] = useTransition();
  const announce = useAnnounce();
  const yesRef = useRef<HTMLButtonElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (asking) yesRef.current?.focus();
  }, [asking]);

  const act = () =>
    startTransition(async () => {
      try {
        const result = await run();
        announce(result.message, result.ok ? 'success' : 'error');
      } catch {
        announce(t.app.actionFailed, 'error');
      }
      setAsking(false);
    });

  const base = `min-h-11 rounded-md px-3 py-2 text-sm font-semibold disabled:opacity-60`;
  if (asking && confirm) {
    return (
      <div role="group" aria-label={label} className="grid gap-2 rounded-md border border-slate-300 bg-slate-50 p-3 text-sm">
        <p>{confirm.question}</p>
        <div className="flex flex-wrap gap-2">
          <button ref={yesRef} type="button" className={`${base} ${styles.danger}`} onClick={act} disabled={pending}>
            {confirm.yes}
          </button>
          <button
            type="button"
            className={`${base} ${styles.secondary}`}
            onClick={() => {
              setAsking(false);
              requestAnimationFrame(() => triggerRef.current?.focus());
            }}
          >
            {confirm.no}
          </button>
        </div>
      </div>
    );
  }
  return (
    <button
      ref={triggerRef}
      type="button"
      className={`${base} ${styles[variant]}`}
      disabled={pending}
      onClick={() => (confirm ? setAsking(true) : act())}
    >
      {label}
    </button>
  );
}
