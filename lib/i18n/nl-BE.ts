import type { ContactRole, EntryKindCode, RequestStatus, RequestType, StaffRole } from './codes';

/**
 * Every Dutch (nl-BE) text of the product, in one place. Labels from the centre's help page
 * ('Beheer aanvragen', 'Beheer contacten', 'Nodig iemand nieuw uit', …) are used verbatim.
 */
export const nl = {
  locale: 'nl-BE',
  app: {
    skipToContent: 'Naar de inhoud',
    signedInAs: 'Aangemeld als',
    signOut: 'Afmelden',
    mainNav: 'Hoofdmenu',
    footerHelp: 'Ondervind je moeilijkheden? Mail naar',
    footerOrCall: 'of bel naar',
  },
  nav: {
    requests: 'Beheer aanvragen',
    myDossiers: 'Mijn dossiers',
  },
  roles: {
    staff: {
      centre_staff: 'Medewerker leersteuncentrum',
      school_manager: 'Schoolverantwoordelijke',
      department_manager: 'Afdelingsverantwoordelijke',
    } satisfies Record<StaffRole, string>,
    contact: {
      parent: 'Ouder',
      teacher: 'Leerkracht',
      clb: 'CLB',
      care_provider: 'Zorgverstrekker',
    } satisfies Record<ContactRole, string>,
  },
  requestStatus: {
    draft: 'Werkversie',
    submitted: 'Ingediend',
    in_progress: 'In behandeling',
    completed: 'Afgerond',
  } satisfies Record<RequestStatus, string>,
  requestType: {
    support_request: 'Aanvraag ondersteuning',
    extension: 'Verlenging ondersteuning',
    advice: 'Vraag om advies',
  } satisfies Record<RequestType, string>,
  entryKind: {
    note: 'Notitie',
    report: 'Verslag',
    meeting: 'Overleg',
  } satisfies Record<EntryKindCode, string>,
  home: {
    title: 'Welkom',
    noAccessTitle: 'Je hebt nog geen toegang',
    noAccessBody:
      'Je bent aangemeld met itsme, maar er is nog geen dossier met je gedeeld en je hebt geen rol in een leersteuncentrum of school. Heb je een uitnodiging gekregen? Open dan de link in die e-mail opnieuw.',
    noAccessHelp: 'Denk je dat dit niet klopt? Neem contact op met de ondersteuning:',
  },
  signIn: {
    title: 'Aanmelden',
    intro: 'Je meldt je aan met itsme, de Belgische app voor je digitale identiteit. Een wachtwoord heb je niet nodig.',
    button: 'Aanmelden met itsme',
    firstTimeTitle: 'De eerste keer?',
    firstTime:
      'Bij je eerste aanmelding maken we je account aan met de naam die itsme ons bevestigt. Daarna meld je je telkens op dezelfde manier aan. Heb je nog geen itsme? Installeer de app en activeer ze met je identiteitskaart of via je bank.',
    signedOut: 'Je bent afgemeld.',
    sessionEnded: 'Je sessie is verlopen. Meld je opnieuw aan.',
    help: 'Hulp nodig bij het aanmelden?',
  },
  signInError: {
    title: 'Aanmelden is niet gelukt',
    cancelled: 'Je hebt het aanmelden bij itsme geannuleerd.',
    expired: 'Het aanmelden duurde te lang of de link is verlopen.',
    generic: 'Er ging iets mis bij het aanmelden met itsme. Je gegevens zijn niet gewijzigd.',
    retry: 'Opnieuw aanmelden',
  },
  errors: {
    notFoundTitle: 'Niet gevonden',
    notFoundBody: 'Deze pagina bestaat niet, of je hebt er geen toegang toe.',
    unavailableTitle: 'Tijdelijk niet beschikbaar',
    unavailableBody: 'Diplon is even niet bereikbaar. Probeer het over enkele minuten opnieuw.',
    unexpectedTitle: 'Er ging iets mis',
    unexpectedBody: 'Er ging iets mis. Je gegevens zijn niet verloren. Probeer het opnieuw.',
    retry: 'Opnieuw proberen',
    backHome: 'Naar de startpagina',
  },
  health: { ok: 'ok', unavailable: 'database niet bereikbaar' },
} as const;

export type Messages = typeof nl;
