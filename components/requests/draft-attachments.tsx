'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/actions/form-state';
import { formatSize, t } from '@/lib/i18n';
import { fill } from '@/lib/i18n/format';
import { FormMessage, secondaryButton } from '@/components/forms/field';

/**
 * The attachments of a 'Werkversie', each with 'Verwijderen'. One native form whose pressed
 * button names the file (works without JavaScript), so the outcome stays on the page after the
 * removed file's row is gone.
 */
export function DraftAttachments({
  action,
  dossierId,
  files,
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  dossierId: string;
  files: { id: string; fileName: string; size: number }[];
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const m = t.draftRequest;
  return (
    <section aria-labelledby="werkversie-bijlagen" className="grid gap-3 rounded-lg bg-white p-4 shadow-sm">
      <h2 id="werkversie-bijlagen" className="text-lg font-semibold">
        {m.attachmentsTitle}
      </h2>
      <form action={formAction} className="grid gap-3">
        {files.length === 0 ? (
          <p>{m.noAttachments}</p>
        ) : (
          <ul className="grid gap-2">
            {files.map((f) => (
              <li key={f.id} className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 pb-2 last:border-0" data-testid="draft-attachment">
                <a href={`/dossiers/${dossierId}/bijlagen/${f.id}`} download className="inline-flex min-h-11 min-w-0 items-center break-all text-brand-700 underline">
                  {fill(t.attachments.download, { name: f.fileName, size: formatSize(f.size) })}
                </a>
                <button type="submit" name="attachmentId" value={f.id} disabled={pending} aria-label={`${m.remove}: ${f.fileName}`} className={secondaryButton}>
                  {m.remove}
                </button>
              </li>
            ))}
          </ul>
        )}
        <FormMessage state={state} />
      </form>
    </section>
  );
}
