/**
 * Is the itsme-verified name the name the school gave ('Naam zoals gekend door de school')?
 *
 * Lenient where schools and civil registers differ in form, strict where they differ in person:
 * - case, accents and punctuation do not count ("HÉLÈNE D'HONDT" = "Helene Dhondt");
 * - spaces inside a name do not count ("Van den Broeck" = "Vandenbroeck", "Jean Pierre" = "Jean-Pierre");
 * - order does not count ("Peeters Jan" = "Jan Peeters");
 * - itsme may know more given names than the school ("Jan" for "Jan Frans Maria"), but the
 *   written given names are itsme's first ones, in order: "Frans Peeters" is not "Jan Frans
 *   Peeters" (a brother or a father is often called by the second name);
 * - the school may know one part of a compound family name ("Dubois" for "Dubois-Lefèvre",
 *   "García" for "García Márquez"), but a particle belongs to its name ("Broeck" is not "Van den Broeck").
 * Every word the school wrote must be part of the verified name, and it must name at least one
 * given name and the family name: a sister, a partner, an initial or a spelling variant do not
 * match. A mismatch is not a refusal: the centre confirms (accept-invitation.ts).
 */
export type NameComparison = 'match' | 'mismatch' | 'no_expected_name';

const PARTICLES = new Set([
  'van', 'von', 'vom', 'de', 'der', 'den', 'het', 't', 'te', 'ter', 'ten', 'op', 'in', 'vande', 'vanden', 'vander',
  'la', 'le', 'les', 'du', 'des', 'd', 'di', 'da', 'del', 'della', 'dos', 'das', 'do', 'el', 'al', 'y', 'e',
]);

const LETTERS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** Lower case, no accents, apostrophes dropped, everything else that is not a letter a space. */
function fold(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => LETTERS[c] ?? c)
    .replace(/['’`´ʼ]/g, '')
    .replace(/[^\p{L}]+/gu, ' ')
    .trim();
}

const words = (value: string) => fold(value).split(' ').filter(Boolean);
const compact = (parts: string[]) => parts.join('');

/** A family name's parts, each particle kept with the word it precedes: "Van den Broeck-Smet" → vandenbroeck, smet. */
function familyParts(family: string): string[] {
  const parts: string[] = [];
  let pending: string[] = [];
  for (const word of words(family)) {
    pending.push(word);
    if (!PARTICLES.has(word)) {
      parts.push(compact(pending));
      pending = [];
    }
  }
  if (pending.length) parts.push(compact(pending));
  return parts;
}

/** Given names as itsme holds them, each whole ("Jean-Pierre" is one name: jeanpierre). */
function givenNames(given: string): string[] {
  return given
    .split(/\s+/)
    .map((name) => compact(words(name)))
    .filter(Boolean);
}

export function compareNames(expected: string | null | undefined, verified: { givenName: string | null; familyName: string }): NameComparison {
  const written = words(expected ?? '');
  if (written.length === 0) return 'no_expected_name';
  if (written.length > 12) return 'mismatch';
  const family = new Set([compact(words(verified.familyName)), ...familyParts(verified.familyName)]);
  // itsme may give no given name at all: then no written given name can match, and the centre confirms.
  const given = givenNames(verified.givenName ?? '');
  family.delete('');

  // Can written[i..] be cut into runs that are each the next of itsme's given names (from the
  // first, in order: `g` of them used so far) or (a part of) the family name, with at least one
  // of each? Runs let "van den broeck" meet "vandenbroeck".
  const memo = new Map<string, boolean>();
  const parse = (i: number, g: number, hasFamily: boolean): boolean => {
    if (i === written.length) return g > 0 && hasFamily;
    const key = `${i}:${g}:${hasFamily}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let ok = false;
    for (let j = i + 1; j <= written.length && !ok; j++) {
      const run = compact(written.slice(i, j));
      if (g < given.length && given[g] === run && parse(j, g + 1, hasFamily)) ok = true;
      else if (family.has(run) && parse(j, g, true)) ok = true;
    }
    memo.set(key, ok);
    return ok;
  };
  return parse(0, 0, false) ? 'match' : 'mismatch';
}
