import { and, eq, ne } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit/record-event';
import type { ValidFile } from '@/lib/attachments/validate-upload';
import type { Db } from '@/lib/db/client';
import { dossiers, students } from '@/lib/db/schema';
import { studentSearchName } from '@/lib/text/search-name';
import { insertRequest, type NewRequest } from './create-request';
import type { PlacementGrant } from './placement-grant';

export type NewStudent = { givenName: string; familyName: string; birthDate: string; className: string };

/**
 * 'Nieuwe aanvraag' for a student new to the centre: the student, their dossier (the first
 * request creates it), the request and its attachments, in one transaction. The caller has
 * pointed out a likely duplicate (findDuplicateStudent) before calling this.
 */
export async function createStudentWithRequest(
  db: Db,
  grant: PlacementGrant,
  student: NewStudent,
  input: NewRequest,
  files: readonly ValidFile[] = [],
): Promise<{ studentId: string; dossierId: string; requestId: string }> {
  const actor = { id: grant.actor.id, origin: grant.origin };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(students)
      .values({
        centreId: grant.centreId,
        schoolId: grant.schoolId,
        departmentId: grant.departmentId,
        givenName: student.givenName,
        familyName: student.familyName,
        searchName: studentSearchName(student.givenName, student.familyName),
        birthYear: Number(student.birthDate.slice(0, 4)),
        birthDate: student.birthDate,
        className: student.className,
      })
      .returning({ id: students.id });
    const studentId = row!.id;
    const [dossier] = await tx.insert(dossiers).values({ studentId, centreId: grant.centreId }).returning({ id: dossiers.id });
    const dossierId = dossier!.id;
    await recordAudit(tx, { actorId: actor.id, action: 'student_created', dossierId, targetType: 'student', targetId: studentId, origin: actor.origin });
    await recordAudit(tx, { actorId: actor.id, action: 'dossier_created', dossierId, targetType: 'dossier', targetId: dossierId, origin: actor.origin });
    const requestId = await insertRequest(tx, { dossierId, studentId, placement: grant }, input, files, actor);
    // Someone of the same name and birth date elsewhere in the centre: the centre decides, the
    // caller is not told (findDuplicateStudent names only students in their own scope).
    const twins = await tx
      .select({ dossierId: dossiers.id })
      .from(students)
      .innerJoin(dossiers, and(eq(dossiers.studentId, students.id), eq(dossiers.centreId, students.centreId)))
      .where(
        and(
          eq(students.centreId, grant.centreId),
          eq(students.searchName, studentSearchName(student.givenName, student.familyName)),
          eq(students.birthDate, student.birthDate),
          ne(students.id, studentId),
        ),
      )
      .limit(5);
    if (twins.length > 0) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'duplicate_student_suspected',
        dossierId,
        targetType: 'student',
        targetId: studentId,
        details: { otherDossierIds: twins.map((d) => d.dossierId) },
        origin: actor.origin,
      });
    }
    return { studentId, dossierId, requestId };
  });
}
