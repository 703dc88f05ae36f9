/**
 * The type of a file from its first bytes (magic numbers), never from its name or the type the
 * browser claims. Only the kinds the product accepts: PDF, common images and office documents.
 */
export type SniffedType = { contentType: string; extensions: readonly string[] };

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
  for (const [part, type] of Object.entries(ZIP_OFFICE)) if (text.includes(part)) return type;
  return null;
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
    return { contentType: 'application/vnd.ms-office', extensions: ['doc', 'xls', 'ppt'] };
  }
  return null;
}
