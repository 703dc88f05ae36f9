'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useActionState, useEffect, useRef, useState, useSyncExternalStore, useTransition } from 'react';
import { t } from '@/lib/i18n';
import { useAnnounce } from './status-announcer';

type Result = { ok: boolean; message: string };

const styles = {
  primary: 'bg-brand-700 text-white hover:bg-brand-800',
  secondary: 'border border-brand-700 bg-white text-brand-700 hover:bg-brand-50',
  danger: 'border border-red-800 bg-white text-red-800 hover:bg-red-50',
} as const;

/** The query parameter that asks for a confirmation when the page is used without JavaScript. */
const CONFIRM_PARAM = 'bevestig';

const subscribeNothing = () => () => {};

/**
 * A button that runs a server action and announces its outcome. With `confirm`, the first
 * click asks (inline, focus on the confirming button) and only the second click acts.
 *
 * It works before the page's JavaScript has loaded: the action is a form's action (a native
 * POST, the server action's bound arguments in the form), and the first click of a confirmed
 * action is a GET of this page with `?bevestig=<confirmId>`, which renders the question.
 */
export function ActionButton({
  label,
  run,
  confirm,
  confirmId,
  variant = 'secondary',
}: {
  label: string;
  /** A server action (bound to its row): called as a form action, extra arguments ignored. */
  run: () => Promise<Result>;
  variant?: keyof typeof styles;
} & (
  | { confirm?: undefined; confirmId?: undefined }
  | {
      confirm: { question: string; yes: string; no: string };
      /** Names this button's confirmation in the URL (unique on the page): a confirmation needs one. */
      confirmId: string;
    }
)) {
  const pathname = usePathname();
  const params = useSearchParams();
  const askedByUrl = Boolean(confirm && confirmId && params.get(CONFIRM_PARAM) === confirmId);
  const [asking, setAsking] = useState(askedByUrl);
  // Before hydration: the server action itself as the form's action (a native POST; its result
  // comes back as this state). Once hydrated: called directly, so the outcome is announced even
  // when the row it belongs to is gone from the refreshed page.
  const [state, formAction, posting] = useActionState(run as unknown as (state: Result | null) => Promise<Result | null>, null);
  const [calling, startTransition] = useTransition();
  const pending = posting || calling;
  const hydrated = useSyncExternalStore(subscribeNothing, () => true, () => false);
  const announce = useAnnounce();
  const yesRef = useRef<HTMLButtonElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (asking && hydrated) yesRef.current?.focus();
  }, [asking, hydrated]);

  useEffect(() => {
    if (!state) return;
    announce(state.message, state.ok ? 'success' : 'error');
    setAsking(false);
  }, [state, announce]);

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
  const action = hydrated ? act : formAction;

  const base = `min-h-11 rounded-md px-3 py-2 text-sm font-semibold disabled:opacity-60`;
  // Without JavaScript the outcome of a native POST is shown here; once hydrated, the section announces it.
  const outcome = state && !hydrated ? <p role="status" className="text-sm">{state.message}</p> : null;
  const withoutConfirm = new URLSearchParams(params);
  withoutConfirm.delete(CONFIRM_PARAM);
  const backHref = `${pathname}${withoutConfirm.size ? `?${withoutConfirm}` : ''}`;

  if (asking && confirm) {
    return (
      <div role="group" aria-label={label} className="grid gap-2 rounded-md border border-slate-300 bg-slate-50 p-3 text-sm">
        <p>{confirm.question}</p>
        <div className="flex flex-wrap gap-2">
          <form action={action}>
            <button ref={yesRef} type="submit" className={`${base} ${styles.danger}`} disabled={pending} autoFocus={askedByUrl}>
              {confirm.yes}
            </button>
          </form>
          <a
            href={backHref}
            className={`${base} ${styles.secondary} inline-flex items-center`}
            onClick={(event) => {
              event.preventDefault();
              setAsking(false);
              requestAnimationFrame(() => triggerRef.current?.focus());
            }}
          >
            {confirm.no}
          </a>
        </div>
        {outcome}
      </div>
    );
  }
  if (confirm && confirmId) {
    return (
      <form method="get" action={pathname} onSubmit={(event) => (event.preventDefault(), setAsking(true))}>
        {[...withoutConfirm].map(([key, value]) => (
          <input key={key} type="hidden" name={key} value={value} />
        ))}
        <input type="hidden" name={CONFIRM_PARAM} value={confirmId} />
        <button ref={triggerRef} type="submit" className={`${base} ${styles[variant]}`} disabled={pending}>
          {label}
        </button>
        {outcome}
      </form>
    );
  }
  return (
    <form action={action}>
      <button ref={triggerRef} type="submit" className={`${base} ${styles[variant]}`} disabled={pending}>
        {label}
      </button>
      {outcome}
    </form>
  );
}
