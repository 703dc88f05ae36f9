import { createHash } from 'node:crypto';
import { env } from '@/lib/config/env';
import { sniffType } from './sniff';

/** An upload that passed every check, ready to be stored with its entry or request. */
export type ValidFile = { fileName: string; contentType: string; size: number; sha256: string; data: Uint8Array };

export type UploadProblem = 'empty' | 'tooLarge' | 'tooMany' | 'badName' | 'badType' | 'typeMismatch' | 'macros';
export type UploadCheck = { ok: true; files: ValidFile[] } | { ok: false; problem: UploadProblem; fileName: string };

export const MAX_FILES = 5;

/** The configured limit per file, in bytes (ATTACHMENT_MAX_MB, 10 MB by default). */
export function maxAttachmentBytes(): number {
  return env().ATTACHMENT_MAX_MB * 1024 * 1024;
}

/**
 * A plain file name: no folders, no control or format characters (a right-to-left override
 * shows `verslag\u202Ecod.xls` as "verslagslx.doc"; zero-width characters hide), no line or
 * paragraph separators, no lone surrogates, no leading dot, a sane length.
 */
function badName(name: string): boolean {
  return (
    name.length === 0 ||
    name.length > 200 ||
    /[\\/\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u.test(name) ||
    name.startsWith('.') ||
    name.includes('..')
  );
}

const extensionOf = (name: string) => (/\.([a-z0-9]{1,5})$/i.exec(name)?.[1] ?? '').toLowerCase();

/**
 * Checks the uploads of one form (the browser sends an empty, nameless part when no file was
 * chosen: that is no file). The type is read from the content; the name's extension must agree
 * with it, so a program renamed to .pdf is refused. All or nothing: one bad file refuses all.
 */
export async function validateUploads(parts: readonly File[], maxBytes = maxAttachmentBytes()): Promise<UploadCheck> {
  const chosen = parts.filter((f) => !(f.size === 0 && f.name === ''));
  if (chosen.length > MAX_FILES) return { ok: false, problem: 'tooMany', fileName: '' };
  const files: ValidFile[] = [];
  for (const file of chosen) {
    const fileName = file.name;
    if (badName(fileName)) return { ok: false, problem: 'badName', fileName: fileName.replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu, '').slice(0, 80) };
    if (file.size === 0) return { ok: false, problem: 'empty', fileName };
    if (file.size > maxBytes) return { ok: false, problem: 'tooLarge', fileName };
    const data = new Uint8Array(await file.arrayBuffer());
    const type = sniffType(data);
    if (!type) return { ok: false, problem: 'badType', fileName };
    if (!type.extensions.includes(extensionOf(fileName))) return { ok: false, problem: 'typeMismatch', fileName };
    if (type.macros) return { ok: false, problem: 'macros', fileName };
    files.push({ fileName, contentType: type.contentType, size: data.length, sha256: createHash('sha256').update(data).digest('hex'), data });
  }
  return { ok: true, files };
}
