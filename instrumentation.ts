/** Runs once when a server process starts: configuration check, migrations, demo seed, workers. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startServer } = await import('./lib/server/start');
  await startServer();
}

/**
 * Every server error once, as one JSON line with Next's digest (the 'Foutcode' of the error page);
 * the error's message stays out of it, since it may quote a pupil's data.
 */
export async function onRequestError(
  error: unknown,
  request: { path: string; method: string },
  context: { routePath?: string; routeType?: string },
) {
  const { requestErrorLine } = await import('./lib/server/request-error-line');
  console.error(requestErrorLine({ error, request, context }));
}
