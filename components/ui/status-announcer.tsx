'use client';

import { createContext, useCallback, useContext, useState } from 'react';

type Announce = (message: string, tone?: 'success' | 'error') => void;
const AnnounceContext = createContext<Announce>(() => {});

/** One polite live region per page; actions report their outcome through `useAnnounce()`. */
export function StatusAnnouncer({ children }: { children: React.ReactNode }) {
  const [state, setState] = useState<{ message: string; tone: 'success' | 'error' } | null>(null);
  const announce = useCallback<Announce>((message, tone = 'success') => setState({ message, tone }), []);
  return (
    <AnnounceContext.Provider value={announce}>
      <div role="status" aria-live="polite" data-testid="page-status" className="empty:hidden">
        {state && (
          <p
            className={`rounded-md border-l-4 px-4 py-3 ${
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
