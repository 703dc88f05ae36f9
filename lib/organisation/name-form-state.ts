/** What 'School toevoegen', 'Afdeling toevoegen' and 'Naam wijzigen' answer their form (useActionState). */
export type NameFormState = { status: 'idle' } | { status: 'ok'; message: string } | { status: 'error'; message: string; value: string };
