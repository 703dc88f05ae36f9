import { isIP } from 'node:net';

/**
 * The client's address from `X-Forwarded-For`, trusting only the `hops` proxies in front of
 * us: each appends the address it saw, so the client's is the `hops`-th from the right.
 * Everything left of it was written by the client and proves nothing. With no trusted proxy
 * (the default) the header is ignored entirely. Null when it cannot be trusted.
 */
export function clientAddress(forwardedFor: string | null | undefined, hops: number): string | null {
  if (hops <= 0 || !forwardedFor || forwardedFor.length > 1024) return null;
  const entries = forwardedFor.split(',').map((entry) => entry.trim());
  if (entries.length < hops) return null;
  const candidate = entries[entries.length - hops]!;
  return isIP(candidate) ? candidate : null;
}
