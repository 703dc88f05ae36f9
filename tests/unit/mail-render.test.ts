import { describe, expect, it } from 'vitest';
import InvitationAcceptedMail from '@/emails/invitation-accepted';
import InvitationMail from '@/emails/invitation';
import { env } from '@/lib/config/env';
import { renderMail } from '@/lib/mail/render';

const link = 'http://localhost:3000/uitnodiging/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde';
const invitation = {
  inviterName: 'Sofie Janssens',
  organisationName: 'Leersteuncentrum De Regenboog',
  role: 'teacher' as const,
  expiresAt: '2026-12-12T13:30:00.000Z',
  link,
};

describe('invitation mail', () => {
  it('says who invites, for which role, why itsme, the link, expiry, what if unexpected, and support', async () => {
    const mail = await renderMail('invitation', invitation);
    // A parent does not know "Diplon": the subject names the centre.
    expect(mail.subject).toBe(`Leersteuncentrum De Regenboog: uitnodiging voor een dossier in ${env().APP_NAME}`);
    for (const body of [mail.html, mail.text]) {
      expect(body).toContain('Sofie Janssens van Leersteuncentrum De Regenboog nodigt je uit om als Leerkracht');
      expect(body).toContain('Je hebt itsme nodig');
      expect(body).toContain('de Belgische app waarmee je veilig bevestigt wie je bent');
      expect(body).toContain('Uitnodiging bekijken');
      expect(body).toContain(link);
      expect(body).toContain('geldig tot 12 december 2026 om 14:30');
      expect(body).toContain('Verwachtte je deze uitnodiging niet?');
      expect(body).toContain(env().SUPPORT_EMAIL);
      expect(body).toContain(env().SUPPORT_PHONE);
    }
    // The button and the plain link both point at the invitation.
    expect(mail.html.match(new RegExp(`href="${link}"`, 'g'))).toHaveLength(2);
    expect(mail.html).toContain('lang="nl-BE"');
    // A phone's mail app lays it out at the phone's width.
    expect(mail.html).toMatch(/<meta name="viewport" content="width=device-width, initial-scale=1"/);
    // Where to log in next time, from APP_URL; not a first-time mail that says it replaces another.
    expect(mail.text).toContain(`Na het aanvaarden open je het dossier altijd via ${env().APP_URL}: meld je daar aan met itsme.`);
    expect(mail.text).not.toContain('vervangt');
  });

  it('a resent invitation says it replaces the earlier one, in its subject and its first lines', async () => {
    const mail = await renderMail('invitation', { ...invitation, replaces: true });
    expect(mail.subject).toBe(`Leersteuncentrum De Regenboog: nieuwe uitnodiging voor een dossier in ${env().APP_NAME}`);
    expect(mail.text).toContain('Dit is een nieuwe uitnodiging. Ze vervangt de vorige die je kreeg: de link in die eerdere e-mail werkt niet meer.');
    expect(mail.text.indexOf('vervangt')).toBeLessThan(mail.text.indexOf('nodigt je uit'));
  });

  it.each([
    ['parent', 'Ouder'],
    ['teacher', 'Leerkracht'],
    ['clb', 'CLB'],
    ['care_provider', 'Zorgverstrekker'],
  ] as const)('names the role %s as %s', async (role, label) => {
    const mail = await renderMail('invitation', { ...invitation, role });
    expect(mail.text).toContain(`om als ${label} toegang te krijgen`);
  });

  it('renders its preview props', async () => {
    const { render } = await import('@react-email/render');
    const html = await render(InvitationMail(InvitationMail.PreviewProps));
    expect(html).toContain(InvitationMail.PreviewProps.link);
  });
});

describe('accepted notification', () => {
  it('names the address, the role and the itsme-confirmed name, and links to the contacts page', async () => {
    const contactsUrl = 'http://localhost:3000/dossiers/6f1c7a52-1d0e-4c55-9b7e-3f0f3a1d2b11/contacten';
    const mail = await renderMail('invitation_accepted', {
      acceptedByName: 'Koen Willems',
      invitedEmail: 'koen@ouders.example',
      role: 'parent',
      contactsUrl,
    });
    expect(mail.subject).toBe(`Uitnodiging aanvaard in ${env().APP_NAME}`);
    for (const body of [mail.html, mail.text]) {
      expect(body).toContain('De uitnodiging die je naar koen@ouders.example stuurde als Ouder, werd aanvaard door Koen Willems');
      expect(body).toContain('bevestigd door itsme');
      expect(body).toContain(contactsUrl);
      expect(body).toContain(env().SUPPORT_EMAIL);
    }
  });

  it('renders its preview props', async () => {
    const { render } = await import('@react-email/render');
    const html = await render(InvitationAcceptedMail(InvitationAcceptedMail.PreviewProps));
    expect(html).toContain('Koen Willems');
  });
});

describe('"iets nieuws" notice to a contact', () => {
  it('says there is something new and where to sign in, and nothing about the student', async () => {
    const mail = await renderMail('dossier_update', { signInUrl: 'http://localhost:3000/aanmelden' });
    expect(mail.subject).toBe(`Er is iets nieuws in een dossier in ${env().APP_NAME}`);
    for (const body of [mail.html, mail.text]) {
      expect(body).toContain('Er is iets nieuws in het dossier');
      expect(body).toContain('Meld je aan met itsme op http://localhost:3000/aanmelden');
      expect(body).toContain('hoogstens één bericht per dag');
    }
  });
});
