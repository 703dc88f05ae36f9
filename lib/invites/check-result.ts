import type { FieldErrors } from '@/lib/actions/result';
import type { InviteRole } from '@/lib/codes';

/** What 'Check' answers the invite form (the outcome of lib/invites/check-invitation.ts, in Dutch). */
export type CheckResult =
  | { status: 'invalid'; message: string; fieldErrors?: FieldErrors }
  | { status: 'limited'; message: string }
  | { status: 'typo'; message: string; suggestion: string }
  | { status: 'has_access'; message: string }
  | { status: 'open_invitation'; message: string; invitationId: string; role: InviteRole }
  | { status: 'ok'; message: string; email: string; checkToken: string };
