/**
 * The largest request body we read: Next's own limit for a server action. Larger bodies are
 * refused before they are read; `t.errors.tooLarge` says "1 MB", so change both together.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * A form with attachments (multipart) may carry up to five files of ATTACHMENT_MAX_MB each plus
 * its text; each file's own limit is checked, with a Dutch message, by the action.
 */
export function maxUploadBytes(attachmentMaxMb: number): number {
  return (attachmentMaxMb * 5 + 1) * 1024 * 1024;
}

export type Refusal = { status: 403 | 411 | 413; message: 'foreignOrigin' | 'tooLarge' | 'lengthRequired' };

/**
 * The pages whose forms carry attachments (their server actions are posted to the page's own
 * path): a dossier (new and edited entries), 'Werkversie bewerken' and 'Nieuwe aanvraag'. Only
 * these may receive a body over 1 MB, and only from someone signed in.
 */
export function isUploadPath(pathname: string): boolean {
  return /^\/dossiers\/[^/]+(\/werkversie\/[^/]+)?\/?$/.test(pathname) || /^\/aanvragen\/nieuw\/?$/.test(pathname);
}

/** Whether a POST declares a body larger than the 1 MB every request may send (so only an upload may be allowed it). */
export function declaresLargeBody(request: { method: string; headers: Headers }): boolean {
  const length = request.headers.get('content-length');
  return request.method === 'POST' && length !== null && Number(length) > MAX_BODY_BYTES;
}

/**
 * Requests refused before any page or action runs, each with a status and a Dutch message
 * (Next itself would answer them with a bare 500 or read a body of any size):
 * - a body over 1 MB (413), unless it is a multipart form post to an upload page
 *   (`isUploadPath`) by a signed-in person (`uploadAllowed`, which proxy.ts decides with a session
 *   lookup only for such a request), up to `maxUploadBytes`;
 * - a POST without a declared length (411): a chunked body's size is known only once read;
 * - any POST from another site's page (403): its Origin is not this host (the Host header, or
 *   X-Forwarded-Host when trusted proxies set it). That covers a server action called by
 *   JavaScript (a `Next-Action` header) and a form submitted natively before the page's
 *   JavaScript ran (no such header: Next finds the action in the form body, and would answer a
 *   foreign Origin with a bare 500).
 */
export function refuseRequest(request: {
  method: string;
  headers: Headers;
  trustForwardedHost: boolean;
  maxUploadBytes?: number;
  /** An upload page and a live session: proxy.ts asks only when `declaresLargeBody`. */
  uploadAllowed?: boolean;
}): Refusal | null {
  const { headers } = request;
  const length = headers.get('content-length');
  const multipart = request.method === 'POST' && (headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');
  const limit = multipart && request.uploadAllowed && request.maxUploadBytes ? request.maxUploadBytes : MAX_BODY_BYTES;
  if (length !== null && !(Number(length) <= limit)) return { status: 413, message: 'tooLarge' };
  if (request.method === 'POST' && length === null && headers.has('transfer-encoding')) return { status: 411, message: 'lengthRequired' };
  if (request.method === 'POST') {
    const origin = headers.get('origin');
    // Like Next: no Origin (some older browsers) is left to Next's own checks.
    if (origin !== null && !sameHost(origin, (request.trustForwardedHost && headers.get('x-forwarded-host')) || headers.get('host'))) {
      return { status: 403, message: 'foreignOrigin' };
    }
  }
  return null;
}

function sameHost(origin: string, host: string | null): boolean {
  if (!host) return false;
  try {
    return new URL(origin).host === host.split(',')[0]!.trim().toLowerCase();
  } catch {
    return false;
  }
}
