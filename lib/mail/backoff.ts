const BASE_MS = 30_000;
const CAP_MS = 60 * 60_000;

/**
 * Delay before the next try after `attempts` failed ones: 30 s × 2^(attempts − 1), capped at an
 * hour, ±20 % jitter so mails that failed together (an outage) do not all return together.
 */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const exponential = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential * (0.8 + 0.4 * random()));
}
