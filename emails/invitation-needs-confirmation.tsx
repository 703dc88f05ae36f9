import { Button, Heading, Section, Text } from '@react-email/components';
import { t } from '@/lib/i18n';
import type { ContactRole } from '@/lib/codes';
import { fill } from '@/lib/i18n/format';
import { MailLayout, button, heading, paragraph } from './layout';

export type NeedsConfirmationMailProps = {
  appName: string;
  /** The name itsme confirmed at acceptance. */
  acceptedByName: string;
  /** 'Naam zoals gekend door de school', or null. */
  expectedName: string | null;
  invitedEmail: string;
  role: ContactRole;
  /** 'Beheer contacten' of the dossier: behind login. */
  contactsUrl: string;
  supportEmail: string;
  supportPhone: string;
};

/** To the inviter: accepted by someone the centre must confirm. No student data. */
export default function NeedsConfirmationMail(props: NeedsConfirmationMailProps) {
  const m = t.mail.needsConfirmation;
  return (
    <MailLayout
      appName={props.appName}
      preview={fill(m.preview, { name: props.acceptedByName })}
      footer={fill(t.mail.accepted.footer, { app: props.appName, email: props.supportEmail, phone: props.supportPhone })}
    >
      <Heading as="h1" style={heading}>
        {m.heading}
      </Heading>
      <Text style={paragraph}>
        {fill(m.body, { email: props.invitedEmail, role: t.roles.contact[props.role], name: props.acceptedByName })}
      </Text>
      <Text style={paragraph}>{props.expectedName ? fill(m.expected, { expected: props.expectedName }) : m.noExpected}</Text>
      <Text style={paragraph}>{m.action}</Text>
      <Section style={{ margin: '8px 0 0' }}>
        <Button href={props.contactsUrl} style={button}>
          {m.button}
        </Button>
      </Section>
    </MailLayout>
  );
}

NeedsConfirmationMail.PreviewProps = {
  appName: 'Diplon',
  acceptedByName: 'Marc Willems',
  expectedName: 'Koen Willems',
  invitedEmail: 'koen.willems@ouders.example',
  role: 'parent',
  contactsUrl: 'http://localhost:3000/dossiers/00000000-0000-4000-8000-000000000000/contacten',
  supportEmail: 'support@diplon.example',
  supportPhone: '011 00 00 00',
} satisfies NeedsConfirmationMailProps;
