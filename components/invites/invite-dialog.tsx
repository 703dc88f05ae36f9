'use client';

import dynamic from 'next/dynamic';
import { useRef, useState, useSyncExternalStore } from 'react';
import { useAnnounce } from '@/components/ui/status-announcer';
import { CONTACT_ROLES, type InviteRole } from '@/lib/codes';
import { roleLabel, t } from '@/lib/i18n';
import type { InviteActions } from './invite-form';
import { subjectLine, type InviteSubject } from './invite-subject';

// The form (react-hook-form, zod) is fetched only when someone opens the dialog.
const InviteForm = dynamic(() => import('./invite-form'), {
  ssr: false,
  loading: () => <p className="py-4">…</p>,
});

const subscribeNothing = () => () => {};

/**
 * 'Nodig iemand nieuw uit' → "Wie wil je uitnodigen?" → the role's form. The same dialog for
 * a dossier's contacts and a unit's staff: the page passes the roles its target offers. A native modal
 * <dialog>: focus moves in and stays in, Esc and Annuleren close it and focus returns to the
 * button. On a phone it is a full-screen sheet.
 *
 * Before the page's JavaScript has loaded, 'Nodig iemand nieuw uit' is a link to `href`, the
 * invitation page: the same steps as plain pages and forms (components/invites/invite-page.tsx).
 */
export function InviteDialog({
  actions,
  subject,
  href,
  roles = CONTACT_ROLES,
}: {
  actions: InviteActions;
  subject: InviteSubject;
  /** The invitation page, for a tap before hydration. */
  href: string;
  roles?: readonly InviteRole[];
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const [role, setRole] = useState<InviteRole | null>(null);
  const [open, setOpen] = useState(false);
  const announce = useAnnounce();
  const hydrated = useSyncExternalStore(subscribeNothing, () => true, () => false);
  const openerStyle = 'min-h-11 rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800';

  const show = () => {
    setRole(null);
    setOpen(true);
    dialogRef.current?.showModal();
  };
  const close = () => dialogRef.current?.close();
  const onClosed = () => {
    // The close event comes after the browser has already given focus back to the opener: a
    // quick Enter may have opened the dialog again meanwhile, and then this close is stale.
    if (dialogRef.current?.open) return;
    setOpen(false);
    setRole(null);
    openerRef.current?.focus();
  };

  return (
    <>
      {hydrated ? (
        <button ref={openerRef} type="button" onClick={show} className={openerStyle}>
          {t.invite.open}
        </button>
      ) : (
        <a href={href} className={`${openerStyle} inline-flex items-center`}>
          {t.invite.open}
        </a>
      )}
      <dialog
        ref={dialogRef}
        onClose={onClosed}
        aria-labelledby="invite-dialog-title"
        className="m-0 h-dvh max-h-none w-full max-w-none bg-white p-0 text-slate-900 backdrop:bg-slate-900/60 sm:m-auto sm:h-auto sm:max-h-[90dvh] sm:max-w-lg sm:rounded-lg"
      >
        {open && (
          <div className="p-5">
            {role === null ? (
              <div>
                <h2 id="invite-dialog-title" className="text-xl font-bold">
                  {t.invite.chooseTitle}
                </h2>
                {/* Inviting into the wrong child's dossier is the costliest mistake: the dialog names the student (or the unit). */}
                <p className="mb-4 mt-1 font-medium" data-testid="invite-student">
                  {subjectLine(subject)}
                </p>
                <ul className="grid gap-2">
                  {roles.map((r, i) => (
                    <li key={r}>
                      <button
                        type="button"
                        autoFocus={i === 0}
                        onClick={() => setRole(r)}
                        className="min-h-12 w-full rounded-md border border-brand-700 px-4 py-2 text-left font-semibold text-brand-700 hover:bg-brand-50"
                      >
                        {roleLabel(r)}
                      </button>
                    </li>
                  ))}
                </ul>
                <button type="button" onClick={close} className="mt-4 min-h-11 w-full rounded-md px-4 py-2 font-medium text-slate-800 underline">
                  {t.invite.cancel}
                </button>
              </div>
            ) : (
              <InviteForm
                actions={actions}
                role={role}
                subject={subject}
                titleId="invite-dialog-title"
                onCancel={close}
                onBack={() => setRole(null)}
                onDone={(message) => {
                  close();
                  announce(message);
                }}
              />
            )}
          </div>
        )}
      </dialog>
    </>
  );
}
