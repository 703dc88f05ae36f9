import fc from 'fast-check';

/**
 * Hostile inputs shared by the property tests (vitest and Playwright): e-mail addresses, link
 * tokens and ids as a careless or malicious client sends them.
 */

/** Latin letters and their Cyrillic/Greek/fullwidth look-alikes. */
const HOMOGLYPHS: Record<string, string[]> = {
  a: ['а', 'ɑ', 'α', 'ａ'],
  e: ['е', 'ε', 'ｅ'],
  o: ['о', 'ο', '0', 'ｏ'],
  i: ['і', 'ι', 'l', '1'],
  c: ['с', 'ϲ'],
  p: ['р', 'ρ'],
  '.': ['。', '．', '․'],
  '@': ['＠', '﹫'],
};

const injections = [
  '\r\nBcc: evil@evil.example',
  '\nBcc: evil@evil.example',
  '\rSubject: x',
  '%0d%0aBcc:evil@evil.example',
  '\u0000',
  '\u2028',
  '\u0085',
  '=?utf-8?q?=0D=0ABcc:evil@evil.example?=',
  '=?utf-8?B?ZXZpbEBldmlsLmV4YW1wbGU=?=',
  ', evil@evil.example',
  '; evil@evil.example',
  '<evil@evil.example>',
  '"evil@evil.example"',
];

const base = fc.oneof(fc.emailAddress(), fc.constantFrom('ouder.een@telenet.be', 'jan.peeters@gmail.com', 'an@bücher.be'));

const homoglyph = base.chain((email) =>
  fc.array(fc.nat(), { minLength: 1, maxLength: 3 }).map((picks) => {
    const chars = [...email];
    for (const pick of picks) {
      const at = pick % chars.length;
      const options = HOMOGLYPHS[chars[at]!.toLowerCase()];
      if (options) chars[at] = options[pick % options.length]!;
    }
    return chars.join('');
  }),
);

const injected = fc
  .tuple(base, fc.constantFrom(...injections), fc.constantFrom('start', 'local', 'end'))
  .map(([email, bad, where]) => {
    const at = email.lastIndexOf('@');
    if (where === 'start') return bad + email;
    if (where === 'local') return email.slice(0, at) + bad + email.slice(at);
    return email + bad;
  });

const quoted = fc
  .tuple(fc.string({ maxLength: 20 }), fc.domain())
  .map(([local, domain]) => `"${local.replace(/"/g, '\\"')}"@${domain}`);

const veryLong = fc
  .tuple(fc.integer({ min: 60, max: 5000 }), fc.domain(), fc.boolean())
  .map(([n, domain, inLocal]) => (inLocal ? `${'a'.repeat(n)}@${domain}` : `a@${'b'.repeat(n)}.${domain}`));

/** Any of: plausible addresses, unicode noise, look-alikes, injected headers, quoted local parts, huge ones. */
export const hostileEmail: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: base, weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 80 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 80 }), weight: 1 },
  { arbitrary: homoglyph, weight: 3 },
  { arbitrary: injected, weight: 4 },
  { arbitrary: quoted, weight: 2 },
  { arbitrary: veryLong, weight: 1 },
);

const base64urlChar = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_');

/** A token as it might appear in a link: random, truncated, over-long, percent-encoded, unicode. */
export function hostileToken(realToken?: string): fc.Arbitrary<string> {
  const shaped = fc.string({ unit: base64urlChar, minLength: 43, maxLength: 43 });
  const options: fc.Arbitrary<string>[] = [
    shaped,
    fc.string({ unit: base64urlChar, minLength: 0, maxLength: 42 }),
    fc.string({ unit: base64urlChar, minLength: 44, maxLength: 3000 }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }),
    shaped.map((s) => encodeURIComponent(s).replace(/[A-Za-z]/g, (c) => `%${c.charCodeAt(0).toString(16)}`)),
    shaped.chain((s) => fc.constantFrom(`${s}%00`, `${s}\u0000`, `${s}/..`, `${s}?x=1`, `${s}%2F..`, `${s}%`, `%E0%A4%A${s}`, `${s.slice(0, 20)}%C0%AF${s.slice(20)}`)),
  ];
  if (realToken) {
    options.push(
      fc.integer({ min: 1, max: 42 }).map((n) => realToken.slice(0, n)),
      fc.string({ unit: base64urlChar, minLength: 1, maxLength: 20 }).map((s) => realToken + s),
      fc.nat({ max: 42 }).map((i) => realToken.slice(0, i) + (realToken[i] === 'A' ? 'B' : 'A') + realToken.slice(i + 1)),
      fc.constant(realToken.toLowerCase()).filter((s) => s !== realToken),
    );
  }
  return fc.oneof(...options);
}

/** Ids that are no id of ours: non-uuid strings, uuid look-alikes, SQL, random uuids. */
export const hostileId: fc.Arbitrary<string> = fc.oneof(
  fc.uuid(),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.uuid().map((u) => u.toUpperCase()),
  fc.uuid().map((u) => `${u}'--`),
  fc.uuid().map((u) => u.replace(/-/g, '')),
  fc.uuid().map((u) => ` ${u}`),
  fc.uuid().map((u) => u.slice(0, 35)),
  fc.constantFrom("' or 1=1 --", '00000000-0000-0000-0000-000000000000', '../../etc/passwd', '%00', '\u0000', 'null', 'undefined', '[object Object]'),
);
