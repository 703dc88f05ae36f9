import { Button, Heading, Link, Section, Text } from '@react-email/components';
import { roleLabel, t as dutch } from '@/lib/i18n';
import type { Messages } from '@/lib/i18n/nl-BE';
import { isStaffRole, type InviteRole } from '@/lib/codes';
import { fill } from '@/lib/i18n/format';
import { MailLayout, button, heading, link, paragraph, subheading } from './layout';

export type InvitationMailProps = {
  appName: string;
  inviterName: string;
  organisationName: string;
  role: InviteRole;
  /** A staff invitation's school or department. */
  unitName?: string;
  link: string;
  /** The app's address, where the invitee logs in from now on. */
  appUrl: string;
  /** A resend: this mail replaces the earlier one. */
  replaces?: boolean;
  /** Already formatted for the reader (their language, Brussels time). */
  expiresOn: string;
  /** The invitee's catalogue (Dutch unless staff chose French or English). */
  messages?: Messages;
  supportEmail: string;
  supportPhone: string;
};

/** The invitation: who invites, for which role, why itsme, the link, expiry, support. No student data. */
export default function InvitationMail(props: InvitationMailProps) {
  const t = props.messages ?? dutch;
  const m = t.mail.invitation;
  const role = roleLabel(props.role, t);
  // A staff invitation names its role and its school or department; a dossier invitation its dossier.
  const intro = isStaffRole(props.role) ? (props.unitName ? m.staffUnitIntro : m.staffIntro) : m.intro;
  return (
    <MailLayout
      lang={t.locale}
      appName={props.appName}
      preview={fill(m.preview, { inviter: props.inviterName, organisation: props.organisationName, app: props.appName })}
      footer={fill(m.help, { email: props.supportEmail, phone: props.supportPhone })}
    >
      <Heading as="h1" style={heading}>
        {m.heading}
      </Heading>
      {props.replaces && <Text style={{ ...paragraph, fontWeight: 700 }}>{m.replaces}</Text>}
      <Text style={paragraph}>
        {fill(intro, { inviter: props.inviterName, organisation: props.organisationName, role, unit: props.unitName ?? '', app: props.appName })}
      </Text>
      <Heading as="h2" style={subheading}>
        {m.itsmeHeading}
      </Heading>
      <Text style={paragraph}>{fill(m.itsme, { app: props.appName })}</Text>
      <Section style={{ margin: '8px 0 20px' }}>
        <Button href={props.link} style={button}>
          {m.button}
        </Button>
      </Section>
      <Text style={{ ...paragraph, fontSize: 14 }}>
        {m.linkIntro}
        <br />
        <Link href={props.link} style={link}>
          {props.link}
        </Link>
      </Text>
      <Text style={paragraph}>{fill(m.expires, { date: props.expiresOn, inviter: props.inviterName })}</Text>
      <Text style={paragraph}>
        {fill(m.nextTime, { url: props.appUrl })}
      </Text>
      <Heading as="h2" style={subheading}>
        {m.unexpectedHeading}
      </Heading>
      <Text style={paragraph}>{m.unexpected}</Text>
    </MailLayout>
  );
}

InvitationMail.PreviewProps = {
  appName: 'Diplon',
  inviterName: 'Sofie Janssens',
  organisationName: 'Leersteuncentrum De Regenboog',
  role: 'parent',
  link: 'http://localhost:3000/uitnodiging/voorbeeldtokenvoorbeeldtokenvoorbeeldtoken123',
  appUrl: 'http://localhost:3000',
  expiresOn: '12 december 2026 om 14:30',
  supportEmail: 'support@diplon.example',
  supportPhone: '011 00 00 00',
} satisfies InvitationMailProps;
