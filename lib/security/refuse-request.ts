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
 * Requests refused before any page or action runs, each with a status and a Dutch message
 * (Next itself would answer them with a bare 500 or read a body of any size):
 * - a body over 1 MB (413), or a server action without a declared length (411);
 * - any POST from another site's page (403): its Origin is not this host (the Host header, or
 *   X-Forwarded-Host when trusted proxies set it). That covers a server action called by
 *   JavaScript (a `Next-Action` header) and a form submitted natively before the page's
 *   JavaScript ran (no such header: Next finds the action in the form body, and would answer a
 *   foreign Origin with a bare 500).
 */
export function refuseRequest(request: { method: string; headers: Headers; trustForwardedHost: boolean; maxUploadBytes?: number }): Refusal | null {
  const { headers } = request;
  const isAction = request.method === 'POST' && headers.has('next-action');
  const length = headers.get('content-length');
  const multipart = request.method === 'POST' && (headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');
  const limit = multipart && request.maxUploadBytes ? request.maxUploadBytes : MAX_BODY_BYTES;
  if (length !== null && !(Number(length) <= limit)) return { status: 413, message: 'tooLarge' };
  if (isAction && length === null && headers.has('transfer-encoding')) return { status: 411, message: 'lengthRequired' };
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
