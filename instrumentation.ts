/** Runs once when a server process starts: configuration check, migrations, demo seed, workers. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startServer } = await import('./lib/server/start');
  await startServer();
}
