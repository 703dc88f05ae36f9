/** `db.execute` returns an array on postgres.js and `{ rows }` on PGlite: one shape for both. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
