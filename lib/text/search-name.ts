/** Lower-case and strip accents, so "Ëlla Çelik" is found by "ella celik". */
export function foldForSearch(value: string): string {
  return value
    // Control and format characters (NUL among them) and lone surrogates: PostgreSQL refuses
    // them in a text parameter, and no name contains them.
    .replace(/[\p{Cc}\p{Cf}\p{Cs}]/gu, '')
    .normalize('NFKD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The stored search key of a student: "family given". */
export function studentSearchName(givenName: string, familyName: string): string {
  return foldForSearch(`${familyName} ${givenName}`);
}
