export type EmailProblem = 'required' | 'tooLong' | 'noAt' | 'local' | 'domain' | 'characters';

export type NormalizedEmail =
  | { ok: true; email: string; key: string; domain: string }
  | { ok: false; problem: EmailProblem };

// dot-atom local part (RFC 5322), ASCII only: quoted local parts and unicode are refused on
// purpose — they are where look-alike and injection tricks live, and no parent needs them.
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** The form every comparison of two normalised addresses uses. */
export function emailKeyOf(normalized: string): string {
  return normalized.toLowerCase();
}

/**
 * Trims and normalises an address: the domain lower-cased (an international domain in its
 * ASCII form), the local part kept as typed. `key` is the fully lower-cased form that all
 * comparisons use.
 */
export function normalizeEmail(raw: string): NormalizedEmail {
  const value = raw.trim();
  if (value.length === 0) return { ok: false, problem: 'required' };
  if (value.length > 254) return { ok: false, problem: 'tooLong' };
  if (/[\s"\u0000-\u001f\u007f<>(),;:\\[\]]/.test(value)) return { ok: false, problem: 'characters' };
  const at = value.lastIndexOf('@');
  if (at <= 0 || at === value.length - 1 || value.indexOf('@') !== at) return { ok: false, problem: 'noAt' };
  const local = value.slice(0, at);
  const rawDomain = value.slice(at + 1);
  if (/[^\x20-\x7e]/.test(local)) return { ok: false, problem: 'characters' };
  // A MIME encoded-word (`=?utf-8?q?…?=`) is decoded by mail software into other characters,
  // possibly another address or a header line.
  if (local.includes('=?')) return { ok: false, problem: 'characters' };
  if (local.length > 64 || !LOCAL.test(local)) return { ok: false, problem: 'local' };
  const domain = toAsciiDomain(rawDomain.toLowerCase().replace(/\.$/, ''));
  if (!domain || domain.length > 253) return { ok: false, problem: 'domain' };
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || !/^(xn--[a-z0-9-]+|[a-z]{2,63})$/.test(labels.at(-1)!)) {
    return { ok: false, problem: 'domain' };
  }
  const email = `${local}@${domain}`;
  if (email.length > 254) return { ok: false, problem: 'tooLong' };
  return { ok: true, email, key: emailKeyOf(email), domain };
}

/** Punycode through the URL parser, so this runs the same in the browser and on the server. */
function toAsciiDomain(domain: string): string {
  if (!domain || /[/?#@%]/.test(domain)) return '';
  try {
    return new URL(`http://${domain}`).hostname;
  } catch {
    return '';
  }
}
