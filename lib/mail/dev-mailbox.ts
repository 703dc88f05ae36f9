import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DATA_DIR } from '@/lib/config/env';

export type StoredMail = { id: string; from: string; to: string; subject: string; html: string; text: string; date: string };

const ID = /^\d{13}-[0-9a-f]{8}$/;

export function devMailboxDir(): string {
  return path.join(DATA_DIR, 'mailbox');
}

/** Development only: keeps a "sent" message as a JSON file for /dev/mailbox. */
export function storeDevMail(mail: Omit<StoredMail, 'id' | 'date'>, now = new Date()): StoredMail {
  mkdirSync(devMailboxDir(), { recursive: true });
  const stored: StoredMail = { id: `${now.getTime()}-${randomUUID().slice(0, 8)}`, date: now.toISOString(), ...mail };
  writeFileSync(path.join(devMailboxDir(), `${stored.id}.json`), JSON.stringify(stored, null, 2), { mode: 0o600 });
  return stored;
}

/** The captured messages, newest first. */
export function listDevMails(): StoredMail[] {
  let files: string[];
  try {
    files = readdirSync(devMailboxDir());
  } catch {
    return [];
  }
  return files
    .map((file) => file.replace(/\.json$/, ''))
    .filter((id) => ID.test(id))
    .sort()
    .reverse()
    .flatMap((id) => readDevMail(id) ?? []);
}

/** One message by id, or null (also for anything that is not a mailbox id). */
export function readDevMail(id: string): StoredMail | null {
  if (!ID.test(id)) return null;
  try {
    return JSON.parse(readFileSync(path.join(devMailboxDir(), `${id}.json`), 'utf8')) as StoredMail;
  } catch {
    return null;
  }
}

/** The distinct http(s) links of a message, from its HTML hrefs and its text, in order. */
export function linksIn(mail: Pick<StoredMail, 'html' | 'text'>): string[] {
  const fromHtml = [...mail.html.matchAll(/href="(https?:\/\/[^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
  const fromText = mail.text.match(/https?:\/\/[^\s<>"')\]]+/g) ?? [];
  return [...new Set([...fromHtml, ...fromText])];
}
