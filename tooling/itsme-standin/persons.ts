import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type StandinPerson = {
  sub: string;
  givenName: string;
  familyName: string;
  email?: string | null;
  /** Shown on the login button after the name, e.g. "medewerker leersteuncentrum". */
  description?: string;
};

export type NewPerson = { givenName: string; familyName: string; email?: string | null };

/**
 * The stand-in's people: the fixed test persons plus any created on its login page. With a
 * `file`, created persons are kept there (as itsme keeps accounts), so after a restart of
 * `npm run dev` a registered person can sign in as themselves again.
 */
export class PersonStore {
  readonly #people = new Map<string, StandinPerson>();
  readonly #created: StandinPerson[] = [];
  readonly #file: string | undefined;

  constructor(initial: readonly StandinPerson[], file?: string) {
    for (const person of initial) this.#people.set(person.sub, { ...person });
    this.#file = file;
    if (file && existsSync(file)) {
      for (const person of JSON.parse(readFileSync(file, 'utf8')) as StandinPerson[]) {
        this.#created.push(person);
        this.#people.set(person.sub, person);
      }
    }
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
    this.#created.push(created);
    if (this.#file) {
      mkdirSync(path.dirname(this.#file), { recursive: true });
      const temp = `${this.#file}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify(this.#created, null, 2), { mode: 0o600 });
      renameSync(temp, this.#file);
    }
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
