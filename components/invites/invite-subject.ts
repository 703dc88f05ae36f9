import { t } from '@/lib/i18n';
import { fill } from '@/lib/i18n/format';
import type { Unit } from '@/lib/organisation/unit-grant';

/**
 * Whom the invitation is for, named on both steps and on Verstuur: inviting into the wrong
 * child's dossier (or the wrong school) is the costliest mistake. Shared by the dialog and the
 * invitation page (a plain module: server and client components both call it).
 */
export type InviteSubject = { kind: 'dossier'; student: string } | { kind: 'unit'; name: string };

export function unitSubject(unit: Pick<Unit, 'kind' | 'name' | 'schoolName'>): InviteSubject {
  return { kind: 'unit', name: unit.kind === 'department' ? `${unit.name} (${unit.schoolName})` : unit.name };
}

export function subjectLine(subject: InviteSubject): string {
  return subject.kind === 'dossier' ? fill(t.invite.forStudent, { student: subject.student }) : fill(t.invite.forUnit, { unit: subject.name });
}

export function sendLabel(subject: InviteSubject): string {
  return subject.kind === 'dossier' ? fill(t.invite.sendFor, { student: subject.student }) : fill(t.invite.sendForUnit, { unit: subject.name });
}
