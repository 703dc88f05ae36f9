import { Body, Container, Head, Hr, Html, Preview, Text } from '@react-email/components';

const body = { backgroundColor: '#f1f5f9', fontFamily: 'Arial, Helvetica, sans-serif', color: '#0f172a', margin: 0, padding: '24px 8px' };
const container = { backgroundColor: '#ffffff', borderRadius: 8, padding: '24px', maxWidth: 560, margin: '0 auto' };

/** Shared frame of every mail: preview line, product name, content, support footer. */
export function MailLayout({
  preview,
  appName,
  footer,
  children,
  lang = 'nl-BE',
}: {
  preview: string;
  appName: string;
  footer: string;
  children: React.ReactNode;
  /** The reader's language tag (staff mails: Dutch). */
  lang?: string;
}) {
  return (
    <Html lang={lang} dir="ltr">
      <Head>
        {/* Without it a phone's mail app lays the mail out at desktop width. */}
        <meta name="viewport" content="width=device-width, initial-scale=1" />
      </Head>
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Text style={{ fontSize: 20, fontWeight: 700, color: '#174c78', margin: '0 0 16px' }}>{appName}</Text>
          {children}
          <Hr style={{ borderColor: '#cbd5e1', margin: '24px 0 12px' }} />
          <Text style={{ fontSize: 14, lineHeight: '20px', color: '#334155', margin: 0 }}>{footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export const heading = { fontSize: 22, lineHeight: '28px', margin: '0 0 12px' };
export const subheading = { fontSize: 17, lineHeight: '24px', margin: '20px 0 6px' };
export const paragraph = { fontSize: 16, lineHeight: '24px', margin: '0 0 14px' };
export const link = { color: '#174c78', textDecoration: 'underline', wordBreak: 'break-all' as const };
export const button = {
  backgroundColor: '#174c78',
  color: '#ffffff',
  borderRadius: 6,
  padding: '12px 20px',
  fontWeight: 700,
  fontSize: 16,
  textDecoration: 'none',
  display: 'inline-block',
};
