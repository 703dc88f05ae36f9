import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { E2E } from './ports';

export type CapturedMail = { to: string; subject: string; html: string; text: string };

/** Mails the e2e stack's SMTP capture received (one .eml file each). */
async function readAll(): Promise<CapturedMail[]> {
  const dir = path.resolve(E2E.mailDir);
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.eml')).sort();
  } catch {
    return [];
  }
  return Promise.all(
    files.map(async (file) => {
      const parsed = await simpleParser(readFileSync(path.join(dir, file)));
      const to = Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(', ') : (parsed.to?.text ?? '');
      return { to, subject: parsed.subject ?? '', html: typeof parsed.html === 'string' ? parsed.html : '', text: parsed.text ?? '' };
    }),
  );
}

/** Waits for mails to `address` matching `predicate` (polling the capture folder). */
export async function waitForMail(
  address: string,
  predicate: (mail: CapturedMail) => boolean = () => true,
  timeoutMs = 20_000,
): Promise<CapturedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const hit = (await readAll()).filter((m) => m.to.toLowerCase().includes(address.toLowerCase()) && predicate(m)).at(-1);
    if (hit) return hit;
    if (Date.now() > deadline) throw new Error(`no mail to ${address} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function mailsTo(address: string): Promise<CapturedMail[]> {
  return (await readAll()).filter((m) => m.to.toLowerCase().includes(address.toLowerCase()));
}

export function invitationLinkIn(mail: CapturedMail): string {
  const match = /https?:\/\/[^\s"'<>]+\/uitnodiging\/[A-Za-z0-9_-]{43}/.exec(mail.text || mail.html);
  if (!match) throw new Error('no invitation link in the mail');
  return match[0];
}
