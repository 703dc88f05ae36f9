/** A person's name as itsme gave it: the given name may be absent ("MAY NOT be returned"). */
export function personName(person: { givenName: string | null; familyName: string }): string {
  return [person.givenName, person.familyName].filter((part) => part && part.trim() !== '').join(' ');
}

/**
 * A name part folded to compare persons, not spellings: case, accents, spaces and punctuation do
 * not count ("Van den Broeck" = "vandenbroeck", "Jean-Pierre" = "Jean Pierre"), letters do.
 */
export function foldNamePart(value: string | null | undefined): string {
  return (value ?? '')
    .normalize('NFKD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase('nl-BE')
    .replace(/[^\p{L}]+/gu, '');
}
