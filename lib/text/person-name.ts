import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/** A person's name as itsme gave it: the given name may be absent ("MAY NOT be returned"). */
export function personName(person: { givenName: string | null; familyName: string }): string {
  return [person.givenName, person.familyName].filter((part) => part && part.trim() !== '').join(' ');
}

/**
 * The same name in SQL, for a row of `users` (or an alias of it): a missing given name leaves
 * the family name alone (`concat_ws` skips NULLs, where `NULL || ' ' || family` is NULL), and
 * a missing person (a left join that found nobody) is NULL.
 */
export function personNameSql(person: { givenName: SQLWrapper; familyName: SQLWrapper }): SQL<string | null> {
  return sql<string | null>`nullif(concat_ws(' ', nullif(btrim(${person.givenName}), ''), ${person.familyName}), '')`;
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
