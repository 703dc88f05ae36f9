import { describe, expect, it } from 'vitest';
import { normalizeEmail } from '@/lib/invites/normalize-email';
import { suggestDomain } from '@/lib/invites/suggest-domain';
import { inviteRequestSchema } from '@/lib/invites/invite-form-schema';
import { t } from '@/lib/i18n';

describe('normalizeEmail', () => {
  it('trims, lower-cases the domain and keeps the local part as typed', () => {
    expect(normalizeEmail('  Jan.Peeters@Telenet.BE ')).toEqual({
      ok: true,
      email: 'Jan.Peeters@telenet.be',
      key: 'jan.peeters@telenet.be',
      domain: 'telenet.be',
    });
  });

  it('turns an international domain into its ASCII form', () => {
    const result = normalizeEmail('an@bücher.be');
    expect(result).toMatchObject({ ok: true, domain: 'xn--bcher-kva.be' });
  });

  it.each([
    ['', 'required'],
    ['   ', 'required'],
    ['jan.peeters', 'noAt'],
    ['jan@@x.be', 'noAt'],
    ['@telenet.be', 'noAt'],
    ['jan@', 'noAt'],
    ['jan@telenet', 'domain'],
    ['jan@-x.be', 'domain'],
    ['jan@x.b', 'domain'],
    ['jan..peeters@x.be', 'local'],
    ['.jan@x.be', 'local'],
    ['"jan peeters"@x.be', 'characters'],
    ['jan@x.be\r\nBcc: evil@x.be', 'characters'],
    ['jаn@x.be', 'characters'], // Cyrillic а
    [`${'a'.repeat(65)}@x.be`, 'local'],
    [`a@${'b'.repeat(250)}.be`, 'tooLong'],
    // MIME encoded-words would be decoded by mail software into another address or a header.
    ['=?utf-8?q?evil=0D=0ABcc=3A_x=40x.be?=@x.be', 'characters'],
    ['=?utf-8?B?ZXZpbEBldmlsLmV4YW1wbGU=?=@x.be', 'characters'],
    ['jan=?iso-8859-1?q?=E9?=@x.be', 'characters'],
    ['jan@x.be\nBcc: evil@x.be', 'characters'],
    ['jan\r@x.be', 'characters'],
  ])('refuses %j (%s)', (input, problem) => {
    expect(normalizeEmail(input)).toEqual({ ok: false, problem });
  });
});

describe('suggestDomain', () => {
  it.each([
    ['gmial.com', 'gmail.com'],
    ['gmail.con', 'gmail.com'],
    ['hotmial.com', 'hotmail.com'],
    ['hotmial.con', 'hotmail.com'],
    ['telenet.eb', 'telenet.be'],
    ['skynet.bee', 'skynet.be'],
    ['outlok.com', 'outlook.com'],
    ['icloud.co', 'icloud.com'],
  ])('%s → %s', (typo, fix) => {
    expect(suggestDomain(typo)).toBe(fix);
  });

  it('leaves known and unrelated domains alone', () => {
    expect(suggestDomain('gmail.com')).toBeNull();
    expect(suggestDomain('telenet.be')).toBeNull();
    expect(suggestDomain('school-de-linde.be')).toBeNull();
    expect(suggestDomain('kuleuven.be')).toBeNull();
    expect(suggestDomain('hotmail.fr')).toBeNull();
    expect(suggestDomain('live.nl')).toBeNull();
    expect(suggestDomain('outlook.es')).toBeNull();
  });
});

describe('inviteRequestSchema (shared by the dialog and the server actions)', () => {
  const dutch = new Set<string>(Object.values(t.invite.errors));

  it.each([null, 5, 'x', [], {}, { email: 5, role: 'parent' }, { email: 'a@b.be', role: 'admin' }, { email: 'a@b.be' }, { email: ['a@b.be'], role: 'parent' }])(
    'answers a hand-made request %j only with Dutch messages of our own',
    (input) => {
      const parsed = inviteRequestSchema.safeParse(input);
      expect(parsed.success).toBe(false);
      for (const issue of parsed.error!.issues) expect(dutch, issue.message).toContain(issue.message);
    },
  );

  it.each(['=?utf-8?B?ZXZpbEBldmlsLmV4YW1wbGU=?=@x.be', 'an@x.be\r\nBcc: evil@x.be', 'an@x.be%0d%0aBcc:evil@x.be'])('refuses the header trick %j', (email) => {
    const parsed = inviteRequestSchema.safeParse({ email, role: 'parent' });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.message).toBe(t.invite.errors.characters);
  });

  it('accepts a fine address with a known role and gives it normalised (trimmed, domain lower-cased)', () => {
    expect(inviteRequestSchema.parse({ email: ' An@Telenet.be ', role: 'clb' })).toEqual({ email: 'An@telenet.be', role: 'clb' });
  });
});
