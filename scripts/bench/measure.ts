import autocannon from 'autocannon';

export type Target = {
  key: string;
  label: string;
  path: string;
  /** Another server than the product's (the floor apps). */
  origin?: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Sanity check on one response before measuring. */
  expect?: { status: number; contains?: string };
};

export type Sample = {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  bad: number;
  /** The server's CPU time (user + system) per answered request, in ms, when it was measured. */
  cpuMs?: number;
};

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/**
 * One autocannon run against a target. Latencies come from every response (autocannon's own
 * summary has no p95); anything but a 2xx answer counts as bad.
 */
export function hammer(appUrl: string, target: Target, connections: number, seconds: number): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const times: number[] = [];
    let bad = 0;
    const instance = autocannon(
      {
        url: `${target.origin ?? appUrl}${target.path}`,
        connections,
        duration: seconds,
        method: target.method ?? 'GET',
        headers: target.headers,
        body: target.body,
        timeout: 30,
      },
      (error, result) => {
        if (error) return reject(error);
        times.sort((a, b) => a - b);
        resolve({
          rps: times.length / (result.duration || seconds),
          p50: percentile(times, 50),
          p95: percentile(times, 95),
          p99: percentile(times, 99),
          requests: times.length,
          bad: bad + result.errors + result.timeouts,
        });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) times.push(responseTime);
      else bad++;
    });
  });
}

/** Fails early (with the first bytes of the answer) when a target does not answer as expected. */
export async function probe(appUrl: string, target: Target): Promise<void> {
  const response = await fetch(`${target.origin ?? appUrl}${target.path}`, {
    method: target.method ?? 'GET',
    headers: target.headers,
    body: target.body,
    redirect: 'manual',
  });
  const text = await response.text();
  const want = target.expect ?? { status: 200 };
  if (response.status !== want.status || (want.contains && !text.includes(want.contains))) {
    throw new Error(`${target.label}: HTTP ${response.status}, expected ${want.status}${want.contains ? ` with "${want.contains}"` : ''}\n${text.slice(0, 400)}`);
  }
}

/**
 * Waits until the server has worked off what the last run left queued (autocannon stops
 * sending, but up to `connections` requests are still being served): a health check runs one
 * database query, so it answers only when the database queue is empty again (PGlite) or a
 * pooled connection is free (PostgreSQL). Returns how long that took.
 */
export async function drain(appUrl: string): Promise<number> {
  const started = performance.now();
  await fetch(`${appUrl}/api/health`, { signal: AbortSignal.timeout(120_000) }).then((r) => r.arrayBuffer());
  await new Promise((r) => setTimeout(r, 250));
  return performance.now() - started;
}

export const median = (values: number[]): number => {
  const s = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
