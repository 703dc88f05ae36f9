import { readAttachment } from '@/lib/attachments/read-attachment';
import { getViewer, requestOrigin } from '@/lib/auth/viewer';
import { db } from '@/lib/db/client';
import { resolveDossierGrant } from '@/lib/dossiers/dossier-grant';
import { t } from '@/lib/i18n';

const notFound = () =>
  new Response(t.errors.notFoundBody, {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
  });

/** RFC 6266: an ASCII fallback and the exact name in UTF-8. */
function disposition(fileName: string): string {
  const ascii = fileName.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\;]/g, '_') || 'bijlage';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * A dossier attachment, only for who may see what it is attached to (the download is audited
 * in readAttachment). Always a download, never rendered by the browser, never cached; no
 * session, no access, an unknown file or one of another dossier all get the same 404.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; attachmentId: string }> }) {
  const { id, attachmentId } = await params;
  const viewer = await getViewer();
  if (!viewer) return notFound();
  const grant = await resolveDossierGrant(db(), viewer, id, 'dossier.view', await requestOrigin());
  if (!grant) return notFound();
  const file = await readAttachment(db(), grant, attachmentId);
  if (!file) return notFound();
  if (file.status === 'rate_limited') {
    return new Response(t.errors.tooManyRequests, {
      status: 429,
      headers: {
        'Content-Type': 'text/plain; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        'Retry-After': String(Math.max(1, Math.ceil(file.retryAfterMs / 1000))),
      },
    });
  }
  // Streamed from the store a chunk at a time: the server never holds the whole file.
  return new Response(file.stream, {
    status: 200,
    headers: {
      'Content-Type': file.contentType,
      'Content-Length': String(file.size),
      'Content-Disposition': disposition(file.fileName),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Referrer-Policy': 'no-referrer',
    },
  });
}
