import { z } from 'zod';
import { cleanText } from '@/lib/text/clean-text';

/**
 * `z` for the schemas a form shares with the browser (import it from here, not from 'zod').
 * Zod compiles faster parsers with `new Function` where a page allows it, and finds out by trying
 * when a schema is built: under our CSP (no 'unsafe-eval') every page with a form then reported a
 * CSP violation (DevTools' Issues, a Lighthouse best-practices point). These schemas check a
 * handful of fields, so the interpreted parser is plenty; the setting has to be made before the
 * first schema is built, which importing `z` from this module guarantees.
 */
z.config({ jitless: true });

export { z };

/** Every free-text field of a form: a string with control characters removed (`cleanText`), before any other check. */
export const text = (params?: Parameters<typeof z.string>[0]) => z.string(params).overwrite(cleanText);
