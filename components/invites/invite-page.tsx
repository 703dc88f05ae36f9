import Link from 'next/link';
import type { InviteRole } from '@/lib/codes';
import { roleLabel, t } from '@/lib/i18n';
import type { InviteFormState } from '@/lib/invites/invite-form-state';
import { roleSlug } from '@/lib/invites/role-slug';
import { InvitePageForm } from './invite-page-form';
import { subjectLine, type InviteSubject } from './invite-subject';

/**
 * 'Nodig iemand nieuw uit' as a page, for every invitation target (a dossier's contacts, a
 * unit's staff): what the dialog does, with links and one plain form, so it works before the
 * page's JavaScript has loaded. Without a role: "Wie wil je uitnodigen?" as links (`?rol=`);
 * with one: the form. The route resolves the grant (or 404s) and binds `action` to its target.
 */
export function InvitePage({
  subject,
  roles,
  role,
  path,
  backHref,
  action,
}: {
  subject: InviteSubject;
  roles: readonly InviteRole[];
  role: InviteRole | null;
  /** This page, without `?rol=`. */
  path: string;
  backHref: string;
  action: (state: InviteFormState, form: FormData) => Promise<InviteFormState>;
}) {
  return (
    <article aria-labelledby="uitnodigen-titel" className="grid max-w-lg gap-4">
      <h1 id="uitnodigen-titel" className="text-2xl font-bold tracking-tight sm:text-3xl">
        {t.invite.open}
      </h1>
      <div className="rounded-lg bg-white p-5 shadow-sm">
        {role === null ? (
          <section aria-labelledby="invite-choose-title">
            <h2 id="invite-choose-title" className="text-xl font-bold">
              {t.invite.chooseTitle}
            </h2>
            <p className="mb-4 mt-1 font-medium" data-testid="invite-student">
              {subjectLine(subject)}
            </p>
            <ul className="grid gap-2">
              {roles.map((r) => (
                <li key={r}>
                  <Link
                    href={`${path}?rol=${roleSlug(r)}`}
                    className="flex min-h-12 w-full items-center rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-700 hover:bg-brand-50"
                  >
                    {roleLabel(r)}
                  </Link>
                </li>
              ))}
            </ul>
            <Link href={backHref} className="mt-4 flex min-h-11 w-full items-center justify-center rounded-md px-4 py-2 font-medium text-slate-800 underline">
              {t.invite.cancel}
            </Link>
          </section>
        ) : (
          <InvitePageForm action={action} role={role} subject={subject} backHref={backHref} rolesHref={path} />
        )}
      </div>
    </article>
  );
}
