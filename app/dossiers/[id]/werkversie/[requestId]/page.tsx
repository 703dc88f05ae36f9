import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DraftAttachments } from '@/components/requests/draft-attachments';
import { RequestForm } from '@/components/requests/request-form';
import { Notice } from '@/components/ui/notice';
import { maxAttachmentBytes } from '@/lib/attachments/validate-upload';
import { db } from '@/lib/db/client';
import { requireDossier } from '@/lib/dossiers/require-dossier';
import { t } from '@/lib/i18n';
import { findDraft } from '@/lib/requests/find-draft';
import { editDraftAction, removeDraftAttachmentAction } from '../../actions';

export const metadata: Metadata = { title: t.draftRequest.title };

/**
 * 'Werkversie bewerken' (the student's school and department managers, like 'Indienen'): the
 * 'Nieuwe aanvraag' form with the draft's kind and question, and its attachments to remove.
 * A request that is no longer a draft is shown as such, not as a form.
 */
export default async function EditDraftPage({ params }: { params: Promise<{ id: string; requestId: string }> }) {
  const { id, requestId } = await params;
  const { grant } = await requireDossier(id, 'requests.submit', `/dossiers/${id}/werkversie/${requestId}`);
  const draft = await findDraft(db(), grant, requestId);
  if (!draft) notFound();
  const m = t.draftRequest;
  return (
    <article aria-labelledby="werkversie-titel" className="grid gap-6">
      <p>
        <Link href={`/dossiers/${grant.id}`} className="text-brand-700 underline">
          {t.dossier.backToDossier}
        </Link>
      </p>
      <h1 id="werkversie-titel" className="text-2xl font-bold tracking-tight sm:text-3xl">
        {m.title}: {grant.student.givenName} {grant.student.familyName}
      </h1>
      {draft.status !== 'draft' ? (
        <Notice>{m.errors.notDraft}</Notice>
      ) : (
        <>
          <p>{m.intro}</p>
          <DraftAttachments action={removeDraftAttachmentAction.bind(null, grant.id, draft.id)} dossierId={grant.id} files={draft.attachments} />
          <RequestForm
            action={editDraftAction.bind(null, grant.id, draft.id)}
            target={{ kind: 'draft', studentId: grant.student.id, type: draft.type, description: draft.description }}
            maxMb={maxAttachmentBytes() / 1024 / 1024}
          />
        </>
      )}
    </article>
  );
}
