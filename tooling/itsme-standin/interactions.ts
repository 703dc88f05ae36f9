import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Provider } from 'oidc-provider';
import { ITSME_ACR_ADVANCED, ITSME_ACR_BASIC } from '@/lib/auth/itsme/claims';
import { renderErrorPage, renderLoginPage } from './login-page';
import type { NewPersonField } from './login-page';
import type { PersonStore } from './persons';

const MAX_BODY_BYTES = 16 * 1024;

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('formulier te groot');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
  });
  res.end(html);
}

/** The acr the stand-in claims: the one asked for, as itsme does. */
function chosenAcr(params: Record<string, unknown>): string {
  const asked = typeof params.acr_values === 'string' ? params.acr_values.split(' ') : [];
  return asked.includes(ITSME_ACR_ADVANCED) ? ITSME_ACR_ADVANCED : ITSME_ACR_BASIC;
}

function validateNewPerson(form: URLSearchParams): { message: string; fields: NewPersonField[] } | undefined {
  const fields: NewPersonField[] = [];
  if (!form.get('given_name')?.trim()) fields.push('given_name');
  if (!form.get('family_name')?.trim()) fields.push('family_name');
  if (fields.length > 0) return { message: 'Vul een voornaam en een familienaam in.', fields };
  const email = form.get('email')?.trim();
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    return { message: 'Vul een geldig e-mailadres in, of laat het veld leeg.', fields: ['email'] };
  }
  return undefined;
}

/**
 * Serves /interaction/:uid (the login page) and its three POST actions, on a URL whose mount
 * path the caller has already removed. Returns false for paths that are not an interaction,
 * so the caller hands them to oidc-provider.
 */
export function createInteractionHandler(provider: Provider, persons: PersonStore, mountPath: string) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const match = /^\/interaction\/([\w-]+)(?:\/(login|new|abort))?$/.exec(url.pathname);
    if (!match) return false;
    const [, uid, action] = match as unknown as [string, string, string | undefined];
    const method = req.method ?? 'GET';
    if ((action === undefined && method !== 'GET') || (action !== undefined && method !== 'POST')) {
      send(res, 405, renderErrorPage('Niet toegelaten', 'Deze actie kan zo niet worden uitgevoerd.'));
      return true;
    }

    let details;
    try {
      details = await provider.interactionDetails(req, res);
    } catch {
      details = undefined;
    }
    if (!details || details.uid !== uid) {
      send(res, 400, renderErrorPage('Aanmelding verlopen', 'Deze aanmelding is verlopen of onbekend. Begin opnieuw in de toepassing.'));
      return true;
    }

    if (action === undefined) {
      send(res, 200, renderLoginPage({ uid, mountPath, persons: persons.list() }));
      return true;
    }
    if (action === 'abort') {
      await provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'De gebruiker heeft de aanmelding geannuleerd.' },
        { mergeWithLastSubmission: false },
      );
      return true;
    }

    const form = await readForm(req);
    let person;
    if (action === 'login') {
      person = persons.get(form.get('sub') ?? '');
      if (!person) {
        send(res, 400, renderErrorPage('Onbekende persoon', 'Deze testpersoon bestaat niet (meer). Ga terug en kies opnieuw.'));
        return true;
      }
    } else {
      const error = validateNewPerson(form);
      const values = {
        givenName: form.get('given_name') ?? '',
        familyName: form.get('family_name') ?? '',
        email: form.get('email') ?? '',
      };
      if (error) {
        send(res, 400, renderLoginPage({ uid, mountPath, persons: persons.list(), error, values }));
        return true;
      }
      person = persons.create(values);
    }
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: person.sub, acr: chosenAcr(details.params), remember: false } },
      { mergeWithLastSubmission: false },
    );
    return true;
  };
}
