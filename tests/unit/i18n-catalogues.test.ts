import { describe, expect, it } from 'vitest';
import { LOCALES } from '@/lib/codes';
import { formatDate, formatDateTimeLong, LANGUAGE_TAGS, localeOf } from '@/lib/i18n';
import { CATALOGUES } from '@/lib/i18n/locales';
import { nl } from '@/lib/i18n/nl-BE';

/** Every leaf of a catalogue as "path → text". */
function leaves(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') return out.set(prefix, value);
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    for (const [path, text] of leaves(child, prefix ? `${prefix}.${key}` : key)) out.set(path, text);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const dutch = leaves(nl);

describe('message catalogues', () => {
  for (const locale of LOCALES) {
    const catalogue = leaves(CATALOGUES[locale]);

    it(`${locale}: has exactly the keys of nl-BE`, () => {
      expect([...catalogue.keys()].sort()).toEqual([...dutch.keys()].sort());
    });

    it(`${locale}: every text is filled and uses the same placeholders as the Dutch`, () => {
      for (const [path, text] of catalogue) {
        expect(text.trim(), path).not.toBe('');
        expect(placeholders(text), path).toEqual(placeholders(dutch.get(path) ?? ''));
      }
    });

    it(`${locale}: its tag is its own`, () => {
      expect(CATALOGUES[locale].locale).toBe(LANGUAGE_TAGS[locale]);
      expect(localeOf(CATALOGUES[locale])).toBe(locale);
    });
  }

  it('French and English are translated, not copied from the Dutch (beyond names and codes)', () => {
    const same = (locale: 'fr' | 'en') =>
      [...leaves(CATALOGUES[locale])].filter(([path, text]) => text === dutch.get(path) && text.length > 6).map(([path]) => path);
    // Short words may be the same in both languages (Status, School, Check, ok); nothing longer is.
    expect(same('fr')).toEqual([]);
    // Dutch borrows "Download" from English.
    expect(same('en')).toEqual(['attachments.download']);
  });

  it('a missing key would fail: a catalogue without one is not the same shape', () => {
    const { app: _app, ...withoutApp } = CATALOGUES.fr;
    expect([...leaves(withoutApp).keys()].sort()).not.toEqual([...dutch.keys()].sort());
  });

  it('dates are written per language', () => {
    const day = new Date('2026-12-12T13:30:00Z');
    expect(formatDate(day, 'nl')).toBe('12 december 2026');
    expect(formatDate(day, 'fr')).toBe('12 décembre 2026');
    expect(formatDate(day, 'en')).toBe('12 December 2026');
    expect(formatDateTimeLong(day, 'fr')).toContain('14:30');
    expect(formatDateTimeLong(day, 'en')).toMatch(/14:30/);
  });
});
