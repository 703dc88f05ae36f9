/** `npm start`: the production server, with AUTH_URL derived from APP_URL when not set. */
import './lib/load-env';
import { spawn } from 'node:child_process';
import { authUrlFor } from './lib/auth-url';

const appUrl = process.env.APP_URL;
const env = { ...process.env, ...(appUrl && !process.env.AUTH_URL ? { AUTH_URL: authUrlFor(appUrl) } : {}) };
const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', ...process.argv.slice(2)], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
