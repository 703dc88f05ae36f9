'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/**
 * While an invitation mail is 'In wachtrij', asks the server every few seconds (for up to a
 * minute) for the delivery states alone, and renders the page afresh once one has changed: the
 * state turns to 'Verzonden' or 'Mislukt' without a reload, and without a page view per poll.
 * Renders nothing.
 */
export function RefreshWhileQueued({
  shown,
  states,
  everyMs = 2_000,
  forMs = 60_000,
}: {
  /** The delivery state per invitation id as this page shows it. */
  shown: Record<string, string>;
  states: () => Promise<Record<string, string>>;
  everyMs?: number;
  forMs?: number;
}) {
  const router = useRouter();
  const queued = Object.values(shown).some((s) => s === 'queued' || s === 'sending');
  const key = JSON.stringify(shown);
  useEffect(() => {
    if (!queued) return;
    const started = Date.now();
    let stopped = false;
    const timer = setInterval(async () => {
      if (Date.now() - started > forMs) return clearInterval(timer);
      try {
        const now = await states();
        const before = JSON.parse(key) as Record<string, string>;
        if (!stopped && Object.entries(now).some(([id, state]) => before[id] !== undefined && before[id] !== state)) {
          clearInterval(timer);
          router.refresh();
        }
      } catch {
        clearInterval(timer);
      }
    }, everyMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [queued, key, states, everyMs, forMs, router]);
  return null;
}
