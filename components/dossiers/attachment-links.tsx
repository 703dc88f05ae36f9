import { formatSize, t } from '@/lib/i18n';
import { fill } from '@/lib/i18n/format';

/** Links to a dossier's attachments: each a download through the authorised route, never a public URL. */
export function AttachmentLinks({ dossierId, files }: { dossierId: string; files: { id: string; fileName: string; size: number }[] }) {
  if (files.length === 0) return null;
  return (
    <ul className="mt-2 grid gap-1">
      {files.map((f) => (
        <li key={f.id}>
          <a href={`/dossiers/${dossierId}/bijlagen/${f.id}`} download className="inline-flex min-h-11 items-center break-all text-brand-700 underline">
            {fill(t.attachments.download, { name: f.fileName, size: formatSize(f.size) })}
          </a>
        </li>
      ))}
    </ul>
  );
}
