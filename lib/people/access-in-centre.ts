import { sql, type SQL } from 'drizzle-orm';

/**
 * Whether the user (an SQL expression of their id) has access in this centre: a confirmed dossier
 * contact that is not revoked on one of its dossiers (one awaiting confirmation gives no access),
 * or an active membership of the centre, one of its schools or one of their departments.
 * 'Koppel opnieuw' works only for such a person.
 */
export function accessInCentre(userId: SQL, centreId: string): SQL {
  return sql`(
    exists (select 1 from dossier_contacts c join dossiers d on d.id = c.dossier_id
            where c.user_id = ${userId} and c.revoked_at is null and c.status = 'confirmed' and d.centre_id = ${centreId}::uuid)
    or exists (select 1 from staff_memberships m
            left join schools s on s.id = m.school_id
            left join departments dp on dp.id = m.department_id
            left join schools ds on ds.id = dp.school_id
            where m.user_id = ${userId} and m.active
              and coalesce(m.centre_id, s.centre_id, ds.centre_id) = ${centreId}::uuid)
  )`;
}

/** Whether the user has any access at all, anywhere (a contact not revoked, or an active membership). */
export function anyAccess(userId: SQL): SQL {
  return sql`(
    exists (select 1 from dossier_contacts c where c.user_id = ${userId} and c.revoked_at is null)
    or exists (select 1 from staff_memberships m where m.user_id = ${userId} and m.active)
  )`;
}

/**
 * Whether the user holds anything outside this centre that a relink would move too: a contact not
 * revoked (confirmed or still awaiting confirmation) on another centre's dossier, or an active
 * membership of another centre or one of its units. 'Koppel opnieuw' is refused then: one centre's
 * staff cannot move another centre's access.
 */
export function holdsOutsideCentre(userId: SQL, centreId: string): SQL {
  return sql`(
    exists (select 1 from dossier_contacts c join dossiers d on d.id = c.dossier_id
            where c.user_id = ${userId} and c.revoked_at is null and d.centre_id <> ${centreId}::uuid)
    or exists (select 1 from staff_memberships m
            left join schools s on s.id = m.school_id
            left join departments dp on dp.id = m.department_id
            left join schools ds on ds.id = dp.school_id
            where m.user_id = ${userId} and m.active
              and coalesce(m.centre_id, s.centre_id, ds.centre_id) <> ${centreId}::uuid)
  )`;
}
