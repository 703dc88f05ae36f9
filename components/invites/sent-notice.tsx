import { t } from '@/lib/i18n';
import { fill } from '@/lib/i18n/format';

/**
 * "Uitnodiging verstuurd naar …" after the invitation page's Verstuur, which leads back here with
 * `?uitgenodigd=<invitation id>` (an id, never the address, in the URL): shown while that
 * invitation is among this page's open ones.
 */
export function SentNotice({ invitations, sentId }: { invitations: readonly { id: string; email: string }[]; sentId: unknown }) {
  const sent = typeof sentId === 'string' ? invitations.find((row) => row.id === sentId) : undefined;
  if (!sent) return null;
  return (
    <p role="status" data-testid="invite-sent" className="rounded-md border-l-4 border-green-700 bg-green-50 px-4 py-3 text-green-900">
      {fill(t.invite.sent, { email: sent.email })}
    </p>
  );
}
