/** A person's name as itsme gave it: the given name may be absent ("MAY NOT be returned"). */
export function personName(person: { givenName: string | null; familyName: string }): string {
  return [person.givenName, person.familyName].filter((part) => part && part.trim() !== '').join(' ');
}
