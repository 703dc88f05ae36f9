/**
 * One JSON line for a server error (instrumentation.ts `onRequestError`), with Next's digest — the
 * code the Dutch error page shows as 'Foutcode' — so support can find the line a caller quotes.
 * The path loses its query (itsme codes, return addresses) and an invitation's token; headers,
 * cookies and the error's arguments are never written.
 */
export type RequestErrorInput = {
  error: unknown;
  request: { path: string; method: string };
  context: { routePath?: string; routeType?: string };
  at?: Date;
};

export function redactPath(path: string): string {
  const withoutQuery = path.split(/[?#]/, 1)[0] ?? '';
  return withoutQuery.replace(/^\/uitnodiging\/[^/]+/, '/uitnodiging/[token]');
}

export function requestErrorLine({ error, request, context, at = new Date() }: RequestErrorInput): string {
  const digest = error && typeof error === 'object' && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;
  const name = error instanceof Error ? error.name : typeof error;
  return JSON.stringify({
    level: 'error',
    time: at.toISOString(),
    msg: 'request failed',
    digest,
    error: name,
    method: request.method,
    path: redactPath(request.path),
    route: context.routePath ?? null,
    routeType: context.routeType ?? null,
  });
}
