import { text, z } from '@/lib/forms/zod';
import { ENTRY_KINDS, ENTRY_VISIBILITIES } from '@/lib/codes';
import { t } from '@/lib/i18n';

const e = () => t.entries.errors;

/** The dossier entry form, for react-hook-form in the browser and the server action alike. */
export const entryFormSchema = z.object({
  kind: z.enum(ENTRY_KINDS, { error: () => e().kind }),
  title: text().trim().min(1, { error: () => e().titleRequired }).max(200, { error: () => e().titleTooLong }),
  body: text().trim().min(1, { error: () => e().bodyRequired }).max(20_000, { error: () => e().bodyTooLong }),
  occurredOn: z.iso.date({ error: () => e().date }),
  visibility: z.enum(ENTRY_VISIBILITIES, { error: () => e().visibility }),
});
export type EntryInput = z.infer<typeof entryFormSchema>;
