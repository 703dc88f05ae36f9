'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { ActionResult } from '@/lib/actions/result';
import { db } from '@/lib/db/client';
import { t } from '@/lib/i18n';
import { fill } from '@/lib/i18n/format';
import type { CheckResult } from '@/lib/invites/check-result';
import {
  cancelInviteFor,
  checkInviteFor,
  deliveryStatesFor,
  resendInviteFor,
  retryMailFor,
  sendInviteFor,
  submitInviteFormFor,
  type InviteActionResult,
} from '@/lib/invites/invite-actions';
import type { InviteFormState } from '@/lib/invites/invite-form-state';
import { kickOutbox } from '@/lib/mail/outbox-worker';
import { endMembership } from '@/lib/organisation/end-membership';
import { endedMessage } from '@/lib/organisation/ended-message';
import type { NameFormState } from '@/lib/organisation/name-form-state';
import { addUnit, deactivateUnit, renameUnit, type SaveOutcome } from '@/lib/organisation/save-unit';
import type { Unit, UnitGrant } from '@/lib/organisation/unit-grant';
import { unitPath } from '@/lib/organisation/unit-path';
import { withUnit } from '@/lib/organisation/with-unit';
import { relinkIdentity } from '@/lib/people/relink-identity';
import { isUuid } from '@/lib/text/uuid';

/**
 * 'Beheer organisatie'. Every action takes the unit ({ kind, id }) first; withUnit resolves the
 * caller's grant on it from the permission table (or answers the same 404 as an unknown unit).
 */
const RELINK_PATH = '/organisatie/koppel-opnieuw';

const failed = (message: string = t.invite.errors.unexpected) => ({ ok: false as const, message });

function refresh(unit: Unit) {
  revalidatePath(unitPath(unit));
  if (unit.kind === 'school') revalidatePath('/organisatie');
  if (unit.kind === 'department') revalidatePath(unitPath({ kind: 'school', id: unit.schoolId! }));
}

/** A staff action on this unit: a success refreshes its page (and wakes the outbox when a mail was queued). */
function staffAction(ref: unknown, body: (grant: UnitGrant<'staff.manage'>) => Promise<InviteActionResult>): Promise<ActionResult> {
  return withUnit(ref, 'staff.manage', async (grant) => {
    const { mail, invitationId: _sent, ...result } = await body(grant);
    if (result.ok) {
      if (mail) kickOutbox();
      refresh(grant.unit);
    }
    return result;
  });
}

function rowAction(ref: unknown, rowId: unknown, body: (grant: UnitGrant<'staff.manage'>, rowId: string) => Promise<InviteActionResult>) {
  return staffAction(ref, (grant) => (typeof rowId === 'string' && isUuid(rowId) ? body(grant, rowId) : Promise.resolve(failed())));
}

function nameProblem(outcome: Exclude<SaveOutcome, { status: 'saved' }>, kind: 'school' | 'department'): string {
  const e = t.organisation.errors;
  switch (outcome.problem) {
    case 'empty':
      return e.empty;
    case 'tooLong':
      return e.tooLong;
    case 'duplicate':
      return kind === 'school' ? e.duplicateSchool : e.duplicateDepartment;
    case 'inactive':
      return e.inactive;
  }
}

/** 'School toevoegen' (on the centre) and 'Afdeling toevoegen' (on a school). A plain form: works without JavaScript. */
export async function addUnitAction(ref: unknown, _prev: NameFormState, form: FormData): Promise<NameFormState> {
  return withUnit(ref, 'units.manage', async (grant) => {
    const value = form instanceof FormData ? form.get('naam') : null;
    const outcome = await addUnit(db(), grant, value);
    const kind = grant.unit.kind === 'centre' ? 'school' : 'department';
    if (outcome.status !== 'saved') return { status: 'error', message: nameProblem(outcome, kind), value: typeof value === 'string' ? value.slice(0, 200) : '' };
    refresh(grant.unit);
    return { status: 'ok', message: fill(t.organisation.added, { name: outcome.name }) };
  });
}

/** 'Naam wijzigen' of a school or a department. */
export async function renameUnitAction(ref: unknown, _prev: NameFormState, form: FormData): Promise<NameFormState> {
  return withUnit(ref, 'units.manage', async (grant) => {
    const value = form instanceof FormData ? form.get('naam') : null;
    const outcome = await renameUnit(db(), grant, value);
    const kind = grant.unit.kind === 'department' ? 'department' : 'school';
    if (outcome.status !== 'saved') return { status: 'error', message: nameProblem(outcome, kind), value: typeof value === 'string' ? value.slice(0, 200) : '' };
    refresh(grant.unit);
    return { status: 'ok', message: fill(t.organisation.renamed, { name: outcome.name }) };
  });
}

/** 'Deactiveren' of a school or a department. */
export async function deactivateUnitAction(ref: unknown): Promise<ActionResult> {
  return withUnit(ref, 'units.manage', async (grant) => {
    const outcome = await deactivateUnit(db(), grant);
    if (outcome.status !== 'deactivated') return failed();
    refresh(grant.unit);
    return { ok: true, message: fill(t.organisation.deactivated, { name: outcome.name }) };
  });
}

/** 'Check' of a staff invitation. */
export async function checkStaffInviteAction(ref: unknown, input: unknown): Promise<CheckResult> {
  return withUnit(ref, 'staff.manage', (grant) => checkInviteFor(grant, input));
}

/** 'Verstuur' of a staff invitation. */
export async function sendStaffInviteAction(ref: unknown, input: unknown): Promise<ActionResult> {
  return staffAction(ref, (grant) => sendInviteFor(grant, input));
}

/** The invitation page's form for this unit's staff (before JavaScript); a sent invitation goes back to the unit's page. */
export async function staffInviteFormAction(ref: unknown, _state: InviteFormState, form: FormData): Promise<InviteFormState> {
  return withUnit(ref, 'staff.manage', async (grant) => {
    const outcome = await submitInviteFormFor(grant, form);
    if (outcome.status === 'form') return outcome.state;
    kickOutbox();
    refresh(grant.unit);
    redirect(`${unitPath(grant.unit)}?uitgenodigd=${outcome.invitationId}`);
  });
}

export async function resendStaffInviteAction(ref: unknown, invitationId: unknown): Promise<ActionResult> {
  return rowAction(ref, invitationId, resendInviteFor);
}

export async function cancelStaffInviteAction(ref: unknown, invitationId: unknown): Promise<ActionResult> {
  return rowAction(ref, invitationId, cancelInviteFor);
}

export async function retryStaffMailAction(ref: unknown, invitationId: unknown): Promise<ActionResult> {
  return rowAction(ref, invitationId, retryMailFor);
}

/** The delivery state of each open staff invitation (read-only), so 'In wachtrij' turns without a reload. */
export async function staffDeliveryStatesAction(ref: unknown): Promise<Record<string, string>> {
  return withUnit(ref, 'staff.manage', deliveryStatesFor);
}

/** 'Toegang intrekken' of a membership of this unit. */
export async function endMembershipAction(ref: unknown, membershipId: unknown): Promise<ActionResult> {
  return rowAction(ref, membershipId, async (grant, id) => {
    const outcome = await endMembership(db(), grant, { membershipId: id });
    if (outcome.status === 'last_centre_staff') return failed(t.organisation.errors.lastCentreStaff);
    if (outcome.status !== 'ended') return failed();
    return { ok: true, message: endedMessage(outcome) };
  });
}

/**
 * 'Koppel opnieuw' (on the centre): the known person takes over the re-created itsme account.
 * Bad input (the same person twice, an account that already has access, someone outside the
 * centre) is a refusal in Dutch; no permission is the 404 of withUnit.
 */
export async function relinkIdentityAction(ref: unknown, knownUserId: unknown, newUserId: unknown): Promise<ActionResult> {
  return withUnit(ref, 'people.relink', async (grant) => {
    const outcome = await relinkIdentity(db(), grant, { knownUserId, newUserId });
    if (outcome.status !== 'relinked') return failed(t.organisation.relink.errors[outcome.status]);
    revalidatePath(RELINK_PATH);
    return { ok: true, message: fill(t.organisation.relink.done, { name: outcome.name }) };
  });
}
