/** Keyset cursor over (created_at desc, id desc): opaque to the browser, validated when read. */
export type Cursor = { createdAt: Date; id: string };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`).toString('base64url');
}

export function decodeCursor(value: unknown): Cursor | null {
  if (typeof value !== 'string' || value.length > 200) return null;
  const [iso, id] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  if (!iso || !id || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  const createdAt = new Date(iso);
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id };
}
