import { t } from '@/lib/i18n';
import { fill } from '@/lib/i18n/format';
import type { EndOutcome } from './end-membership';

/**
 * What 'Toegang intrekken' tells the staff member who did it: the access is gone, the open
 * invitations that person sent died with it, and — for review — the access they still hold
 * themselves elsewhere (issue 22 point 4: ending one membership does not end the others).
 */
export function endedMessage(outcome: Extract<EndOutcome, { status: 'ended' }>): string {
  const parts = [fill(t.organisation.ended, { name: outcome.name })];
  if (outcome.cancelledInvitations > 0) parts.push(fill(t.organisation.endedInvitations, { count: outcome.cancelledInvitations, name: outcome.name }));
  const { memberships, contacts } = outcome.remaining;
  if (memberships.length > 0 || contacts.length > 0) {
    parts.push(fill(t.organisation.endedStillHolds, { name: outcome.name, memberships: memberships.length, contacts: contacts.length }));
  }
  return parts.join(' ');
}
