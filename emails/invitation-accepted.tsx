import { Button, Heading, Section, Text } from '@react-email/components';
import { t } from '@/lib/i18n';
import { fill } from '@/lib/i18n/format';
import type { ContactRole } from '@/lib/i18n/codes';
import { MailLayout, button, paragraph } from './layout';

export type InvitationAcceptedMailProps = {
  appName: string;
  acceptedByName: string;
  invitedEmail: string;
  role: ContactRole;
  contactsUrl: string;
};

/** To the inviter: accepted, by whom (the name itsme verified). No student data. */
export default function InvitationAcceptedMail(props: InvitationAcceptedMailProps) {
  const m = t.mail.accepted;
  return (
    <MailLayout
      appName={props.appName}
      preview={fill(m.preview, { name: props.acceptedByName })}
      footer={fill(m.footer, { app: props.appName })}
    >
      <Heading as="h1" style={{ fontSize: 22, margin: '0 0 12px' }}>
        {m.heading}
      </Heading>
      <Text style={paragraph}>
        {fill(m.body, { email: props.invitedEmail, role: t.roles.contact[props.role], name: props.acceptedByName })}
      </Text>
      <Section style={{ margin: '8px 0 0' }}>
        <Button href={props.contactsUrl} style={button}>
          {m.button}
        </Button>
      </Section>
    </MailLayout>
  );
}

InvitationAcceptedMail.PreviewProps = {
  appName: 'Diplon',
  acceptedByName: 'Koen Willems',
  invitedEmail: 'koen.willems@ouders.example',
  role: 'parent',
  contactsUrl: 'http://localhost:3000/dossiers/00000000-0000-4000-8000-000000000000/contacten',
} satisfies InvitationAcceptedMailProps;
