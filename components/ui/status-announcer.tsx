'use client';

import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';

type Announce = (message: string, tone?: 'success' | 'error') => void;
const AnnounceContext = createContext<Announce>(() => {});

/**
 * A polite live region; actions inside report their outcome through `useAnnounce()` to the
 * nearest one. A page has one at its top; a long section (contacts, invitations) has its own,
 * so on a phone the outcome shows where the action was taken: the region is scrolled into view
 * and, with `takeFocus` (the row that was acted on may be gone), receives focus.
 */
export function StatusAnnouncer({
  children,
  testId = 'page-status',
  takeFocus = false,
}: {
  children: React.ReactNode;
  testId?: string;
  takeFocus?: boolean;
}) {
  const [state, setState] = useState<{ message: string; tone: 'success' | 'error'; n: number } | null>(null);
  const regionRef = useRef<HTMLDivElement>(null);
  const announce = useCallback<Announce>((message, tone = 'success') => setState((s) => ({ message, tone, n: (s?.n ?? 0) + 1 })), []);
  useEffect(() => {
    if (!state || !regionRef.current) return;
    regionRef.current.scrollIntoView({ block: 'nearest' });
    if (takeFocus) regionRef.current.focus({ preventScroll: true });
  }, [state, takeFocus]);
  return (
    <AnnounceContext.Provider value={announce}>
      <div ref={regionRef} role="status" aria-live="polite" data-testid={testId} tabIndex={takeFocus ? -1 : undefined} className="empty:hidden focus:outline-none">
        {state && (
          <p
            className={`mb-3 rounded-md border-l-4 px-4 py-3 ${
              state.tone === 'success' ? 'border-green-700 bg-green-50 text-green-900' : 'border-red-700 bg-red-50 text-red-900'
            }`}
          >
            {state.message}
          </p>
        )}
      </div>
      {children}
    </AnnounceContext.Provider>
  );
}

export function useAnnounce(): Announce {
  return useContext(AnnounceContext);
}
