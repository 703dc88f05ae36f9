/**
 * Whether this process can reach PostgreSQL, as far as it knows. Set to "down" the moment a
 * query fails for want of a connection (or a connection closes and a probe cannot reopen one);
 * set back to "up" by a probe that succeeds. The proxy reads it to answer 503 at once instead
 * of letting pages fail one by one. It imports no driver, so the proxy bundle stays small.
 */

/**
 * postgres.js connection errors and the Node socket errors beneath them. Not CONNECTION_ENDED:
 * that is this process closing its own pool.
 */
const CONNECTION_CODES = new Set([
  'PROBE_TIMEOUT',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** SQLSTATEs meaning "the server is not serving": connection exceptions, shutdown, starting up. */
const UNAVAILABLE_SQLSTATE = /^(08...|57P01|57P02|57P03|53300)$/;

/**
 * The code in `error` (or anything in its `cause` chain or `errors` list) that says the database
 * cannot be reached, or null.
 */
function unreachableCode(error: unknown): string | null {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (CONNECTION_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return code;
    const errors = (e as { errors?: unknown }).errors;
    const inner = Array.isArray(errors) ? errors.map(unreachableCode).find((c) => c !== null) : undefined;
    if (inner) return inner;
  }
  return null;
}

/** True when `error` (or anything in its `cause` chain) says the database cannot be reached. */
export function isDatabaseUnreachable(error: unknown): boolean {
  return unreachableCode(error) !== null;
}

type State = {
  up: boolean;
  /** When the state last changed (ms since epoch). */
  since: number;
  probing: boolean;
  probe?: () => Promise<void>;
};

const registry = globalThis as typeof globalThis & { __diplonDbAvailability?: State };

function state(): State {
  registry.__diplonDbAvailability ??= { up: true, since: Date.now(), probing: false };
  return registry.__diplonDbAvailability;
}

const PROBE_INTERVAL_MS = 1_000;
/**
 * A probe that has not answered by then counts as a failure. postgres.js does not fail a query
 * when the server (or a pooler in front of it) accepts connections and closes them at once: it
 * keeps the query queued. Only a timeout notices that.
 */
const PROBE_TIMEOUT_MS = 2_000;

function probeOnce(probe: () => Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('database probe timed out'), { code: 'PROBE_TIMEOUT' })), PROBE_TIMEOUT_MS);
    timer.unref();
  });
  return Promise.race([probe(), timeout]).finally(() => clearTimeout(timer));
}

/** The proxy's question: false while the database is known to be unreachable. */
export function databaseAvailable(): boolean {
  return state().up;
}

/** How the database handle checks itself (`select 1`); set once by the client. */
export function setAvailabilityProbe(probe: () => Promise<void>): void {
  state().probe = probe;
}

export function markDatabaseUp(): void {
  const s = state();
  if (s.up) return;
  s.up = true;
  s.since = Date.now();
  console.info('[db] database reachable again');
}

/**
 * Marks the database down and probes it until it answers again. Without a probe (PGlite, or a
 * handle other than the process's own) nothing could tell when it is back, so nothing changes.
 */
export function markDatabaseDown(reason: string): void {
  const s = state();
  if (!s.probe) return;
  if (s.up) {
    s.up = false;
    s.since = Date.now();
    console.error(`[db] database unreachable (${reason})`);
  }
  void probeUntilUp();
}

/** Call with any error from the database: true (and marked down) when it says the database is unreachable. */
export function reportDatabaseError(error: unknown): boolean {
  const code = unreachableCode(error);
  if (code === null || !state().probe) return false;
  markDatabaseDown(code);
  return true;
}

/**
 * A connection closed: perhaps an idle timeout, perhaps the server went away. One probe tells
 * which, so an outage is known before the next request has to discover it.
 */
export function checkDatabaseSoon(): void {
  const s = state();
  if (s.probing || !s.probe) return;
  s.probing = true;
  setTimeout(() => {
    probeOnce(s.probe!)
      .then(() => {
        s.probing = false;
        markDatabaseUp();
      })
      .catch((error: unknown) => {
        s.probing = false;
        reportDatabaseError(error);
      });
  }, 20).unref();
}

async function probeUntilUp(): Promise<void> {
  const s = state();
  if (s.probing || !s.probe) return;
  s.probing = true;
  try {
    while (!s.up) {
      await new Promise((resolve) => setTimeout(resolve, PROBE_INTERVAL_MS).unref());
      try {
        await probeOnce(s.probe);
        markDatabaseUp();
      } catch {
        // still down
      }
    }
  } finally {
    s.probing = false;
  }
}
