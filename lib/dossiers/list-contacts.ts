import { asc, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { membershipsCovering } from '@/lib/auth/scope';
import type { Db } from '@/lib/db/client';
import { dossierContacts, invitations, staffMemberships, users } from '@/lib/db/schema';
import { personName } from '@/lib/text/person-name';
import type { DossierGrant } from './dossier-grant';

const grantor = alias(users, 'grantor');
const revoker = alias(users, 'revoker');

/**
 * 'Beheer contacten': the people with access by invitation (active first, then the revoked
 * and refused history), those awaiting confirmation (their itsme-verified name beside the name
 * the school gave), and, apart, the staff who see the dossier through their organisation role.
 */
export async function listContacts(db: Db, grant: DossierGrant<'contacts.view'>) {
  const contactRows = await db
    .select({
      id: dossierContacts.id,
      role: dossierContacts.role,
      status: dossierContacts.status,
      expectedName: invitations.expectedName,
      invitedEmail: invitations.email,
      grantedAt: dossierContacts.grantedAt,
      revokedAt: dossierContacts.revokedAt,
      givenName: users.givenName,
      familyName: users.familyName,
      grantorName: grantor.givenName,
      grantorFamily: grantor.familyName,
      revokerName: revoker.givenName,
      revokerFamily: revoker.familyName,
    })
    .from(dossierContacts)
    .innerJoin(users, eq(users.id, dossierContacts.userId))
    .leftJoin(grantor, eq(grantor.id, dossierContacts.grantedBy))
    .leftJoin(revoker, eq(revoker.id, dossierContacts.revokedBy))
    .leftJoin(invitations, eq(invitations.id, dossierContacts.invitationId))
    .where(eq(dossierContacts.dossierId, grant.id))
    // The id breaks ties: contacts granted in one transaction share their time, and a page must not reshuffle them.
    .orderBy(desc(dossierContacts.grantedAt), desc(dossierContacts.id));

  const contacts = contactRows.map((r) => ({
    id: r.id,
    role: r.role,
    status: r.status,
    name: personName(r),
    expectedName: r.expectedName,
    invitedEmail: r.invitedEmail,
    grantedAt: r.grantedAt,
    grantedBy: r.grantorFamily ? personName({ givenName: r.grantorName, familyName: r.grantorFamily }) : null,
    revokedAt: r.revokedAt,
    revokedBy: r.revokerFamily ? personName({ givenName: r.revokerName, familyName: r.revokerFamily }) : null,
  }));

  const staff = await db
    .select({ role: staffMemberships.role, givenName: users.givenName, familyName: users.familyName })
    .from(staffMemberships)
    .innerJoin(users, eq(users.id, staffMemberships.userId))
    .where(membershipsCovering({ centreId: grant.centreId, schoolId: grant.student.schoolId, departmentId: grant.student.departmentId }))
    .orderBy(asc(staffMemberships.role), asc(users.familyName), asc(staffMemberships.id));

  return {
    active: contacts.filter((c) => !c.revokedAt && c.status === 'confirmed'),
    awaitingConfirmation: contacts.filter((c) => !c.revokedAt && c.status === 'awaiting_confirmation'),
    revoked: contacts.filter((c) => c.revokedAt),
    staff: staff.map((s) => ({ role: s.role, name: personName(s) })),
  };
}
