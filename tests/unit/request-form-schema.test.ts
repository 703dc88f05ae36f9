import { describe, expect, it } from 'vitest';
import { sniffType } from '@/lib/attachments/sniff';
import { fieldErrorsOf } from '@/lib/actions/form-state';
import { entryFormSchema } from '@/lib/entries/entry-form-schema';
import { requestFormSchema } from '@/lib/requests/request-form-schema';

const base = { type: 'advice', description: 'Vraag', intent: 'submit' };

describe('the request form schema (browser and server alike)', () => {
  it('gives every error of a new student at once, also when the type is missing', () => {
    const result = requestFormSchema.safeParse({ studentMode: 'new', givenName: 'Mila', description: '' });
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!)).toEqual({
      type: 'Kies de soort aanvraag.',
      description: 'Beschrijf je vraag.',
      familyName: 'Vul de familienaam in.',
      birthDate: 'Vul een geldige geboortedatum in, bijvoorbeeld 14/03/2016.',
      schoolId: 'Kies een school.',
      className: 'Vul de klas in.',
    });
  });

  it('asks for a chosen student in existing mode and ignores the new-student fields', () => {
    expect(fieldErrorsOf(requestFormSchema.safeParse({ ...base, studentMode: 'existing' }).error!)).toEqual({ studentId: 'Kies een leerling uit de zoekresultaten.' });
    expect(requestFormSchema.safeParse({ ...base, studentMode: 'existing', studentId: 'x' }).success).toBe(true);
  });

  it('refuses a birth date in the future or before 1990, and hostile values without throwing', () => {
    const student = { ...base, studentMode: 'new', givenName: 'A', familyName: 'B', schoolId: 's', className: 'L1' };
    expect(fieldErrorsOf(requestFormSchema.safeParse({ ...student, birthDate: '2999-01-01' }).error!)).toHaveProperty('birthDate');
    expect(fieldErrorsOf(requestFormSchema.safeParse({ ...student, birthDate: '1900-01-01' }).error!)).toHaveProperty('birthDate');
    expect(requestFormSchema.safeParse({ ...student, birthDate: '2016-02-30' }).success).toBe(false);
    expect(requestFormSchema.safeParse({ ...student, birthDate: '2016-13-45' }).success).toBe(false);
    expect(requestFormSchema.safeParse({ ...student, birthDate: '2016-03-14' }).data).toMatchObject({ intent: 'submit', birthDate: '2016-03-14' });
    expect(requestFormSchema.safeParse({ studentMode: { $ne: 1 }, givenName: ['x'] }).success).toBe(false);
  });

  it('the entry schema takes only the known kinds and visibilities', () => {
    const entry = { kind: 'report', title: 'T', body: 'B', occurredOn: '2026-11-20', visibility: 'shared' };
    expect(entryFormSchema.safeParse(entry).success).toBe(true);
    expect(fieldErrorsOf(entryFormSchema.safeParse({ ...entry, visibility: 'public', kind: 'x' }).error!)).toEqual({
      kind: 'Kies de soort: notitie, verslag of overleg.',
      visibility: 'Kies of de contacten dit zien.',
    });
  });
});

describe('sniffType', () => {
  const bytes = (...values: (number | string)[]) =>
    Uint8Array.from(values.flatMap((v) => (typeof v === 'string' ? [...v].map((c) => c.charCodeAt(0)) : [v])));
  it('reads the type from the content', () => {
    expect(sniffType(bytes('%PDF-1.4'))?.contentType).toBe('application/pdf');
    expect(sniffType(bytes(0xff, 0xd8, 0xff, 0xe0))?.contentType).toBe('image/jpeg');
    expect(sniffType(bytes('GIF89a'))?.contentType).toBe('image/gif');
    expect(sniffType(bytes('RIFF', 0, 0, 0, 0, 'WEBP'))?.contentType).toBe('image/webp');
    expect(sniffType(bytes(0x50, 0x4b, 3, 4, '[Content_Types].xml', 'word/document.xml'))?.extensions).toEqual(['docx']);
    expect(sniffType(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))?.extensions).toContain('doc');
  });
  it('knows nothing else: programs, scripts, HTML, a plain zip', () => {
    for (const content of [bytes('MZ', 0x90), bytes('#!/bin/sh'), bytes('<html>'), bytes(0x50, 0x4b, 3, 4, 'evil.exe'), bytes()]) {
      expect(sniffType(content)).toBeNull();
    }
  });
});
