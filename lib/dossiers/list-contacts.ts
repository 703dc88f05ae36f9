import { and, asc, desc, eq, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '@/lib/db/client';
import { dossierContacts, staffMemberships, users } from '@/lib/db/schema';
import type { DossierWithAccess } from './get-dossier-access';
import { personName } from '@/lib/text/person-name';

const grantor = alias(users, 'grantor');
const revoker = alias(users, 'revoker');

/**
 * 'Beheer contacten': the people with access by invitation (active first, then the revoked
 * history), and, apart, the staff who see the dossier through their organisation role.
 */
export async function listContacts(db: Db, dossier: DossierWithAccess) {
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
    .where(eq(dossierContacts.dossierId, dossier.dossier.id))
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

  const { centreId, schoolId, departmentId } = { centreId: dossier.dossier.centreId, ...dossier.student };
  const staff = await db
    .select({ role: staffMemberships.role, givenName: users.givenName, familyName: users.familyName })
    .from(staffMemberships)
    .innerJoin(users, eq(users.id, staffMemberships.userId))
    .where(
      and(
        eq(staffMemberships.active, true),
        or(
          eq(staffMemberships.centreId, centreId),
          eq(staffMemberships.schoolId, schoolId),
          departmentId ? eq(staffMemberships.departmentId, departmentId) : undefined,
        ),
      ),
    )
    .orderBy(asc(staffMemberships.role), asc(users.familyName));

  return {
    active: contacts.filter((c) => !c.revokedAt),
    revoked: contacts.filter((c) => c.revokedAt),
    staff: staff.map((s) => ({ role: s.role, name: personName(s) })),
  };
}
