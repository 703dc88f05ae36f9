import { Button, Heading, Section, Text } from '@react-email/components';
import { roleLabel, t } from '@/lib/i18n';
import { isStaffRole, type InviteRole } from '@/lib/codes';
import { fill } from '@/lib/i18n/format';
import { MailLayout, button, heading, paragraph } from './layout';

export type InvitationAcceptedMailProps = {
  appName: string;
  /** The name itsme confirmed at acceptance. */
  acceptedByName: string;
  invitedEmail: string;
  role: InviteRole;
  /** 'Beheer contacten' of the dossier: behind login. */
  contactsUrl: string;
  supportEmail: string;
  supportPhone: string;
};

/** To the inviter: accepted, by whom. No student data: the dossier opens only after login. */
export default function InvitationAcceptedMail(props: InvitationAcceptedMailProps) {
  const m = t.mail.accepted;
  return (
    <MailLayout
      appName={props.appName}
      preview={fill(m.preview, { name: props.acceptedByName })}
      footer={fill(m.footer, { app: props.appName, email: props.supportEmail, phone: props.supportPhone })}
    >
      <Heading as="h1" style={heading}>
        {m.heading}
      </Heading>
      <Text style={paragraph}>
        {fill(m.body, { email: props.invitedEmail, role: roleLabel(props.role), name: props.acceptedByName })}
      </Text>
      <Text style={paragraph}>{isStaffRole(props.role) ? m.staffLogin : m.login}</Text>
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
  supportEmail: 'support@diplon.example',
  supportPhone: '011 00 00 00',
} satisfies InvitationAcceptedMailProps;
