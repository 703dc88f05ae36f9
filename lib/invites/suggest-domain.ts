/** Mail providers common in Flanders and beyond: the usual targets of a typo. */
export const COMMON_DOMAINS = [
  'gmail.com', 'hotmail.com', 'hotmail.be', 'outlook.com', 'outlook.be', 'live.com', 'live.be',
  'icloud.com', 'me.com', 'yahoo.com', 'msn.com', 'telenet.be', 'skynet.be', 'proximus.be',
  'scarlet.be', 'pandora.be', 'gmx.com', 'protonmail.com', 'proton.me',
] as const;

/** Real neighbours of those, so a correct address there is never "corrected". */
const KNOWN_REAL = new Set<string>([
  ...COMMON_DOMAINS, 'hotmail.fr', 'hotmail.nl', 'hotmail.de', 'outlook.fr', 'outlook.nl', 'outlook.de',
  'live.nl', 'live.fr', 'live.de', 'yahoo.fr', 'yahoo.de', 'gmx.de', 'gmx.net', 'gmx.be', 'web.de',
  'orange.fr', 'ziggo.nl', 'home.nl', 'kpnmail.nl', 'msn.be',
]);

/** Optimal string alignment distance (a swap of two neighbours counts as one edit). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
      }
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * A likely intended domain for a mistyped one ("gmial.com" → "gmail.com"), or null when the
 * domain is a known provider or not close to one.
 */
export function suggestDomain(domain: string): string | null {
  const typed = domain.toLowerCase();
  if (KNOWN_REAL.has(typed)) return null;
  let best: { domain: string; score: number } | null = null;
  for (const candidate of COMMON_DOMAINS) {
    const score = distance(typed, candidate);
    const limit = candidate.length > 10 ? 2 : 1;
    if (score <= limit && (!best || score < best.score)) best = { domain: candidate, score };
  }
  return best?.domain ?? null;
}
