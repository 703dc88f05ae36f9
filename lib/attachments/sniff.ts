/**
 * The type of a file from its first bytes (magic numbers), never from its name or the type the
 * browser claims. Only the kinds the product accepts: PDF, common images and office documents.
 */
export type SniffedType = { contentType: string; extensions: readonly string[]; macros?: boolean };

const ZIP_OFFICE: Record<string, SniffedType> = {
  'word/': { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  'xl/': { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  'ppt/': { contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extensions: ['pptx'] },
};

const startsWith = (bytes: Uint8Array, magic: readonly number[], offset = 0) =>
  bytes.length >= offset + magic.length && magic.every((b, i) => bytes[offset + i] === b);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** Office Open XML is a zip whose entries name their part ('word/…', 'xl/…', 'ppt/…'). */
function sniffZip(bytes: Uint8Array): SniffedType | null {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 64 * 1024)).toString('latin1');
  if (!text.includes('[Content_Types].xml')) return null;
  // A macro-enabled document (.docm, .xlsm, .pptm) keeps its VBA project in `vbaProject.bin`:
  // renamed to .docx it would still run its macros in an Office that trusts it.
  const whole = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  const macros = /vbaProject\.bin/i.test(whole);
  for (const [part, type] of Object.entries(ZIP_OFFICE)) if (text.includes(part)) return macros ? { ...type, macros } : type;
  return null;
}

/** Directory entries of a compound file that hold a VBA project (Word: Macros/VBA; Excel: _VBA_PROJECT_CUR; PowerPoint: VBA). */
const VBA_ENTRIES = new Set(['vba', 'macros', '_vba_project_cur', '_vba_project']);

/**
 * Does this OLE2 compound file carry a VBA project? Directory entries are 128 bytes, always
 * at a multiple of 128 from the start of the file (sectors are 512 or 4096 bytes), each with a
 * UTF-16LE name, its byte length (with the terminator) at 0x40 and its type (1 storage, 2
 * stream) at 0x42. Every aligned slot is read as an entry: a stray match in content refuses a
 * harmless file, which is the safe side; no FAT chain has to be trusted.
 */
function oleHasVba(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  for (let at = 512; at + 128 <= bytes.length; at += 128) {
    const length = view.getUint16(at + 0x40, true);
    const type = bytes[at + 0x42];
    if ((type !== 1 && type !== 2) || length < 4 || length > 64 || length % 2 !== 0) continue;
    let name = '';
    for (let c = 0; c < length / 2 - 1; c++) name += String.fromCharCode(view.getUint16(at + c * 2, true));
    if (VBA_ENTRIES.has(name.toLowerCase())) return true;
  }
  return false;
}

export function sniffType(bytes: Uint8Array): SniffedType | null {
  if (startsWith(bytes, ascii('%PDF-'))) return { contentType: 'application/pdf', extensions: ['pdf'] };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { contentType: 'image/png', extensions: ['png'] };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'] };
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return { contentType: 'image/gif', extensions: ['gif'] };
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return { contentType: 'image/webp', extensions: ['webp'] };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return sniffZip(bytes);
  // OLE2 compound file: the older .doc, .xls and .ppt.
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    const type = { contentType: 'application/vnd.ms-office', extensions: ['doc', 'xls', 'ppt'] };
    return oleHasVba(bytes) ? { ...type, macros: true } : type;
  }
  return null;
}
