/**
 * Loads `.env`, `.env.local` and their `.env.<mode>` variants from the folder the command runs in,
 * the way `next dev` and `next start` do (Next's own loader, `@next/env`), so a command such as
 * `npm run centre:init` sees the DATABASE_URL the installer put in `.env.local` instead of
 * silently writing to the embedded development database. A variable already set in the
 * environment wins over every file. Every command imports this first: it runs on import.
 */
import nextEnv from '@next/env';

nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== 'production', { info: () => {}, error: console.error });
