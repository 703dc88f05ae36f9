import type { StandinPerson } from './persons';
import { personLabel } from './persons';

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:1rem/1.5 system-ui,sans-serif;color:#1a1a1a;background:#f4f4f4}
main{max-width:32rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.5rem 0}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
.note{background:#fff3cd;border-left:4px solid #8a6d00;padding:.5rem .75rem}
ul{list-style:none;margin:0;padding:0}
li{margin:.5rem 0}
button{width:100%;min-height:2.75rem;padding:.6rem .9rem;font:inherit;text-align:left;border-radius:.4rem;cursor:pointer;
  border:2px solid #a8003b;background:#fff;color:#1a1a1a}
button.primary{background:#a8003b;color:#fff;text-align:center}
button.secondary{border-color:#444;text-align:center}
button:focus-visible,input:focus-visible{outline:3px solid #0b5cad;outline-offset:2px}
label{display:block;font-weight:600;margin-top:.75rem}
input{width:100%;min-height:2.75rem;padding:.5rem;font:inherit;border:1px solid #555;border-radius:.3rem}
.hint{display:block;color:#444;font-size:.9rem}
.error{color:#a00000;font-weight:600}
form.cancel{margin-top:2rem}
`;

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body><main>${body}</main></body>
</html>`;
}

export type NewPersonField = 'given_name' | 'family_name' | 'email';

export type LoginPageInput = {
  uid: string;
  /** The issuer's path (`/v2`): the forms post under it. */
  mountPath: string;
  persons: StandinPerson[];
  /** Shown above the new-person form after an invalid submission, with the fields at fault. */
  error?: { message: string; fields: NewPersonField[] };
  values?: { givenName?: string; familyName?: string; email?: string };
};

/** The stand-in's login screen: a button per person, a form for a new person, and cancel. */
export function renderLoginPage({ uid, mountPath, persons, error, values = {} }: LoginPageInput): string {
  const base = `${mountPath}/interaction/${encodeURIComponent(uid)}`;
  const buttons = persons
    .map(
      (p) =>
        `<li><button type="submit" name="sub" value="${escapeHtml(p.sub)}">Aanmelden als ${escapeHtml(personLabel(p))}</button></li>`,
    )
    .join('\n');
  const invalid = (field: NewPersonField, hint = '') =>
    error?.fields.includes(field)
      ? ` aria-invalid="true" aria-describedby="${`new-error ${hint}`.trim()}"`
      : hint
        ? ` aria-describedby="${hint}"`
        : '';
  return page(
    'Aanmelden met itsme (stand-in)',
    `<h1>Aanmelden met itsme</h1>
<p class="note">Dit is de itsme-stand-in voor ontwikkeling en tests. Niemand wordt echt geïdentificeerd.</p>
<h2 id="persons-title">Kies een testpersoon</h2>
<form method="post" action="${base}/login" aria-labelledby="persons-title"><ul>
${buttons}
</ul></form>
<h2 id="new-title">Nieuwe persoon</h2>
<form method="post" action="${base}/new" aria-labelledby="new-title" novalidate>
${error ? `<p id="new-error" class="error" role="alert">${escapeHtml(error.message)}</p>` : ''}
<label for="given_name">Voornaam</label>
<input id="given_name" name="given_name" autocomplete="given-name" required value="${escapeHtml(values.givenName ?? '')}"${invalid('given_name')}>
<label for="family_name">Familienaam</label>
<input id="family_name" name="family_name" autocomplete="family-name" required value="${escapeHtml(values.familyName ?? '')}"${invalid('family_name')}>
<label for="email">E-mail</label>
<span id="email-hint" class="hint">Niet verplicht.</span>
<input id="email" name="email" type="email" autocomplete="email" value="${escapeHtml(values.email ?? '')}"${invalid('email', 'email-hint')}>
<p><button type="submit" class="primary">Aanmelden als nieuwe persoon</button></p>
</form>
<form method="post" action="${base}/abort" class="cancel">
<button type="submit" class="secondary">Annuleren</button>
</form>`,
  );
}

/** A plain Dutch error page (expired interaction, unknown person, …). */
export function renderErrorPage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>`);
}
