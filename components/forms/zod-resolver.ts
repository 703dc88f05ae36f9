import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';

// Zod compiles faster parsers with `new Function` when the page allows it, and finds out by
// trying: under our CSP (no 'unsafe-eval') every page with a form then logged a CSP violation
// ("Issues" in DevTools, a Lighthouse best-practices point). Our forms parse a handful of fields:
// the interpreted parser is plenty.
z.config({ jitless: true });

/** react-hook-form's zod resolver, for the forms in the browser (the same schemas as the server actions). */
export { zodResolver };
