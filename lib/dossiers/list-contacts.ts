import { asc, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { membershipsCovering } from '@/lib/auth/scope';
import type { Db } from '@/lib/db/client';
import { dossierContacts, staffMemberships, users } from '@/lib/db/schema';
import { personName } from '@/lib/text/person-name';
import type { DossierGrant } from './dossier-grant';

const grantor = alias(users, 'grantor');
const revoker = alias(users, 'revoker');

/**
 * 'Beheer contacten': the people with access by invitation (active first, then the revoked
 * history), and, apart, the staff who see the dossier through their organisation role.
 */
export async function listContacts(db: Db, grant: DossierGrant<'contacts.view'>) {
  const contactRows = await db
    .select({
      id: dossierContacts.id,
      role: dossierContacts.role,
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
    .where(eq(dossierContacts.dossierId, grant.id))
    .orderBy(desc(dossierContacts.grantedAt));

  const contacts = contactRows.map((r) => ({
    id: r.id,
    role: r.role,
    name: personName(r),
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
    .orderBy(asc(staffMemberships.role), asc(users.familyName));

  return {
    active: contacts.filter((c) => !c.revokedAt),
    revoked: contacts.filter((c) => c.revokedAt),
    staff: staff.map((s) => ({ role: s.role, name: personName(s) })),
  };
}
