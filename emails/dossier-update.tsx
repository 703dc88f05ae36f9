import { Button, Heading, Section, Text } from '@react-email/components';
import { t } from '@/lib/i18n';
import { fill } from '@/lib/i18n/format';
import { MailLayout, button, heading, paragraph } from './layout';

export type DossierUpdateMailProps = {
  appName: string;
  /** The sign-in page: which dossier is new is seen only after login. */
  signInUrl: string;
  supportEmail: string;
  supportPhone: string;
};

/** To a contact: something was shared with them. No student data: not the name, not the school. */
export default function DossierUpdateMail(props: DossierUpdateMailProps) {
  const m = t.mail.dossierUpdate;
  return (
    <MailLayout
      appName={props.appName}
      preview={fill(m.preview, { app: props.appName })}
      footer={fill(m.footer, { app: props.appName, email: props.supportEmail, phone: props.supportPhone })}
    >
      <Heading as="h1" style={heading}>
        {m.heading}
      </Heading>
      <Text style={paragraph}>{fill(m.body, { app: props.appName, url: props.signInUrl })}</Text>
      <Section style={{ margin: '8px 0 0' }}>
        <Button href={props.signInUrl} style={button}>
          {m.button}
        </Button>
      </Section>
    </MailLayout>
  );
}

DossierUpdateMail.PreviewProps = {
  appName: 'Diplon',
  signInUrl: 'http://localhost:3000/aanmelden',
  supportEmail: 'support@diplon.example',
  supportPhone: '011 00 00 00',
} satisfies DossierUpdateMailProps;
