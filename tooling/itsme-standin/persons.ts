import { randomUUID } from 'node:crypto';

export type StandinPerson = {
  sub: string;
  givenName: string;
  familyName: string;
  email?: string | null;
  /** Shown on the login button after the name, e.g. "medewerker leersteuncentrum". */
  description?: string;
};

export type NewPerson = { givenName: string; familyName: string; email?: string | null };

/** The stand-in's people, in memory: the fixed test persons plus any created on its login page. */
export class PersonStore {
  readonly #people = new Map<string, StandinPerson>();

  constructor(initial: readonly StandinPerson[]) {
    for (const person of initial) this.#people.set(person.sub, { ...person });
  }

  list(): StandinPerson[] {
    return [...this.#people.values()];
  }

  get(sub: string): StandinPerson | undefined {
    return this.#people.get(sub);
  }

  /** A new person with a fresh random `sub`, as itsme gives each new account. */
  create(person: NewPerson): StandinPerson {
    const created: StandinPerson = {
      sub: `standin-${randomUUID()}`,
      givenName: person.givenName.trim(),
      familyName: person.familyName.trim(),
      email: person.email?.trim() || null,
    };
    this.#people.set(created.sub, created);
    return created;
  }
}

/** The person's claims under itsme's names; itsme never vouches for an e-mail address. */
export function personClaims(person: StandinPerson): Record<string, unknown> {
  return {
    sub: person.sub,
    given_name: person.givenName,
    family_name: person.familyName,
    name: `${person.givenName} ${person.familyName}`,
    locale: 'nl',
    ...(person.email ? { email: person.email, email_verified: false } : {}),
  };
}

export function personLabel(person: StandinPerson): string {
  const name = `${person.givenName} ${person.familyName}`;
  return person.description ? `${name} — ${person.description}` : name;
}
