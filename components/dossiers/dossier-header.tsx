import { t } from '@/lib/i18n';
import type { AccessibleDossier } from '@/lib/dossiers/get-dossier-access';

/** The student's header: name, birth year, school, class. */
export function DossierHeader({ dossier, titleId }: { dossier: AccessibleDossier; titleId: string }) {
  const { student, school, department } = dossier;
  return (
    <header className="mb-6 rounded-lg bg-white p-4 shadow-sm">
      <h1 id={titleId} className="text-2xl font-bold tracking-tight sm:text-3xl">
        <span className="sr-only">{t.dossier.titlePrefix} </span>
        {student.givenName} {student.familyName}
      </h1>
      <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-slate-700">{t.dossier.born}</dt>
          <dd className="font-medium">{student.birthYear}</dd>
        </div>
        <div>
          <dt className="text-slate-700">{t.dossier.school}</dt>
          <dd className="font-medium">{school.name}</dd>
        </div>
        {department && (
          <div>
            <dt className="text-slate-700">{t.dossier.department}</dt>
            <dd className="font-medium">{department.name}</dd>
          </div>
        )}
        <div>
          <dt className="text-slate-700">{t.dossier.className}</dt>
          <dd className="font-medium">{student.className}</dd>
        </div>
      </dl>
    </header>
  );
}
