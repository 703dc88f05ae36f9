import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DATA_DIR } from '@/lib/config/env';

export type StoredMail = { id: string; from: string; to: string; subject: string; html: string; text: string; date: string };

const dir = () => path.join(DATA_DIR, 'mailbox');

/** Development only: keeps a sent message as a JSON file for /dev/mailbox. */
export function storeDevMail(mail: Omit<StoredMail, 'id' | 'date'>): StoredMail {
  mkdirSync(dir(), { recursive: true });
  const stored = { ...mail, id: `${Date.now()}-${randomUUID().slice(0, 8)}`, date: new Date().toISOString() };
  writeFileSync(path.join(dir(), `${stored.id}.json`), JSON.stringify(stored), { mode: 0o600 });
  return stored;
}

export function listDevMails(): StoredMail[] {
  let files: string[];
  try {
    files = readdirSync(dir()).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
  return files
    .sort()
    .reverse()
    .map((f) => JSON.parse(readFileSync(path.join(dir(), f), 'utf8')) as StoredMail);
}

export function readDevMail(id: string): StoredMail | null {
  if (!/^[\w-]{1,64}$/.test(id)) return null;
  try {
    return JSON.parse(readFileSync(path.join(dir(), `${id}.json`), 'utf8')) as StoredMail;
  } catch {
    return null;
  }
}
