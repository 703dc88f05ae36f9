import { t } from '@/lib/i18n';
import { fill } from '@/lib/i18n/format';
import { maxAttachmentBytes, type UploadProblem } from './validate-upload';

/** The Dutch message for a refused upload. */
export function uploadMessage(problem: UploadProblem, fileName: string): string {
  return fill(t.attachments.errors[problem], { name: fileName, max: String(maxAttachmentBytes() / 1024 / 1024) });
}
