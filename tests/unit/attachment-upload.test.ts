import { describe, expect, it } from 'vitest';
import { validateUploads } from '@/lib/attachments/validate-upload';

const PDF = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
const file = (bytes: Uint8Array, name: string) => new File([bytes as BlobPart], name);

/**
 * A minimal OLE2 compound file (version 3, 512-byte sectors): the header, one FAT sector and one
 * directory sector holding the root entry and the given entries (storage 1, stream 2).
 */
function ole2(entries: { name: string; type: 1 | 2 }[]): Uint8Array {
  const bytes = new Uint8Array(512 * 3);
  const view = new DataView(bytes.buffer);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  view.setUint16(0x18, 0x003e, true);
  view.setUint16(0x1a, 0x0003, true);
  view.setUint16(0x1c, 0xfffe, true);
  view.setUint16(0x1e, 9, true);
  view.setUint16(0x20, 6, true);
  view.setUint32(0x2c, 1, true); // one FAT sector: sector 0
  view.setUint32(0x30, 1, true); // the directory starts at sector 1
  view.setUint32(0x3c, 0xfffffffe, true);
  for (let i = 0; i < 109; i++) view.setUint32(0x4c + i * 4, i === 0 ? 0 : 0xffffffff, true);
  // FAT (sector 0, at byte 512): sector 0 is a FAT sector, sector 1 the end of the directory chain.
  for (let i = 0; i < 128; i++) view.setUint32(512 + i * 4, i === 0 ? 0xfffffffd : i === 1 ? 0xfffffffe : 0xffffffff, true);
  const all = [{ name: 'Root Entry', type: 5 as const }, ...entries];
  all.forEach((entry, i) => {
    const at = 1024 + i * 128;
    for (let c = 0; c < entry.name.length; c++) view.setUint16(at + c * 2, entry.name.charCodeAt(c), true);
    view.setUint16(at + 0x40, (entry.name.length + 1) * 2, true);
    bytes[at + 0x42] = entry.type;
  });
  return bytes;
}

describe('attachment names and legacy Office macros (issue 22, point 9)', () => {
  it('refuses names carrying bidirectional or other format characters, and never echoes them', async () => {
    for (const name of ['verslag\u202Ecod.xls', 'verslag\u200B.pdf', 'a\u2066b.pdf', 'verslag\uFEFF.pdf', 'x\u2028y.pdf']) {
      const check = await validateUploads([file(PDF, name)]);
      expect(check).toMatchObject({ ok: false, problem: 'badName' });
      expect(check.ok ? '' : check.fileName).not.toMatch(/[\p{Cf}\p{Cc}\u2028]/u);
    }
    expect(await validateUploads([file(PDF, 'verslag café.pdf')])).toMatchObject({ ok: true });
  });

  it('refuses a .doc/.xls/.ppt that carries a VBA project, accepts one without', async () => {
    const word = ole2([{ name: 'WordDocument', type: 2 }, { name: '1Table', type: 2 }]);
    expect(await validateUploads([file(word, 'verslag.doc')])).toMatchObject({ ok: true });
    const wordMacros = ole2([{ name: 'WordDocument', type: 2 }, { name: 'Macros', type: 1 }, { name: 'VBA', type: 1 }]);
    expect(await validateUploads([file(wordMacros, 'verslag.doc')])).toMatchObject({ ok: false, problem: 'macros' });
    const excelMacros = ole2([{ name: 'Workbook', type: 2 }, { name: '_VBA_PROJECT_CUR', type: 1 }]);
    expect(await validateUploads([file(excelMacros, 'punten.xls')])).toMatchObject({ ok: false, problem: 'macros' });
  });

  it('refuses an Office Open XML file that carries a VBA project (a .docm renamed .docx)', async () => {
    const zip = new TextEncoder().encode('PK\u0003\u0004....[Content_Types].xml....word/document.xml....word/vbaProject.bin....');
    expect(await validateUploads([file(zip, 'verslag.docx')])).toMatchObject({ ok: false, problem: 'macros' });
    const clean = new TextEncoder().encode('PK\u0003\u0004....[Content_Types].xml....word/document.xml....');
    expect(await validateUploads([file(clean, 'verslag.docx')])).toMatchObject({ ok: true });
  });
});
