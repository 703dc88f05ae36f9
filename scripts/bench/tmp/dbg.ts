import { startStack } from '../stack';
const s = await startStack({ dossiers: 1000, seed: 1, port: 3300, reuseDb: true, keepDb: true });
const csrf = await fetch(`${s.appUrl}/api/auth/csrf`);
console.log(csrf.status, csrf.headers.getSetCookie(), await csrf.clone().text());
const { csrfToken } = await csrf.json() as any;
const cookie = csrf.headers.getSetCookie().map(c => c.split(';')[0]).join('; ');
const r = await fetch(`${s.appUrl}/api/auth/signin/itsme`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie }, body: new URLSearchParams({ csrfToken, callbackUrl: `${s.appUrl}/` }) });
console.log(r.status, r.headers.get('location'));
await s.stop(); process.exit(0);
