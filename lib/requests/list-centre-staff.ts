import { and, asc, eq } from 'drizzle-orm';
import { membershipsCovering } from '@/lib/auth/scope';
import type { Db } from '@/lib/db/client';
import { staffMemberships, users } from '@/lib/db/schema';
import type { DossierGrant } from '@/lib/dossiers/dossier-grant';
import { personName } from '@/lib/text/person-name';

/** The centre staff who can be this dossier's begeleider: active centre staff of its centre. */
export async function listCentreStaff(db: Db, grant: DossierGrant<'requests.work'>) {
  const placement = { centreId: grant.centreId, schoolId: grant.student.schoolId, departmentId: grant.student.departmentId };
  const rows = await db
    .selectDistinct({ id: users.id, givenName: users.givenName, familyName: users.familyName })
    .from(staffMemberships)
    .innerJoin(users, eq(users.id, staffMemberships.userId))
    .where(and(membershipsCovering(placement), eq(staffMemberships.role, 'centre_staff')))
    .orderBy(asc(users.familyName), asc(users.givenName));
  return rows.map((u) => ({ id: u.id, name: personName(u) }));
}
