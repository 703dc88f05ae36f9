import { readFileSync } from 'node:fs';
import path from 'node:path';

type Manifest = { node: Record<string, { workers: Record<string, unknown>; exportedName?: string; filename?: string }> };

let manifest: Manifest | undefined;

/**
 * The id Next gave a server action in this build, by its file and exported name, so tests can
 * call the action the way a (hostile) client would: a POST with a `Next-Action` header.
 */
export function actionId(file: string, exportedName: string): string {
  for (const [id, entry] of Object.entries(buildManifest().node)) {
    if (entry.exportedName === exportedName && (entry.filename ?? '').replace(/\\/g, '/').endsWith(file)) return id;
  }
  throw new Error(`server action ${file}#${exportedName} not in the build manifest`);
}

function buildManifest(): Manifest {
  manifest ??= JSON.parse(
    readFileSync(path.join(process.env.NEXT_DIST_DIR || '.next', 'server', 'server-reference-manifest.json'), 'utf8'),
  ) as Manifest;
  return manifest;
}

/** Every server action in this build, as `file#exportedName` with the file relative to the project. */
export function buildActions(): string[] {
  const root = process.cwd().replace(/\\/g, '/') + '/';
  const names = Object.values(buildManifest().node).map((entry) => {
    const file = (entry.filename ?? '').replace(/\\/g, '/').replace(root, '');
    return `${file}#${entry.exportedName ?? ''}`;
  });
  return [...new Set(names)].sort();
}

/** Calls a server action directly. `page` is the route it is posted to (any page works). */
export async function callAction(
  appUrl: string,
  page: string,
  id: string,
  args: unknown[],
  cookie?: string,
  extraHeaders: Record<string, string> = {},
): Promise<{ status: number; body: string; headers: Headers }> {
  const response = await fetch(`${appUrl}${page}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'Next-Action': id,
      Accept: 'text/x-component',
      'Content-Type': 'text/plain;charset=UTF-8',
      Origin: appUrl,
      ...(cookie ? { cookie } : {}),
      ...extraHeaders,
    },
    body: JSON.stringify(escapeReply(args)),
  });
  return { status: response.status, body: await response.text(), headers: response.headers };
}

/**
 * Calls a form's server action directly with a real form post, as React's client sends one: a
 * multipart body whose field `0` holds the arguments and `$K1` stands for the form, whose
 * fields travel as `_1_<name>` (React's reply format). The form is the last argument.
 */
export async function callFormAction(
  appUrl: string,
  page: string,
  id: string,
  args: unknown[],
  fields: Record<string, string>,
  cookie?: string,
): Promise<{ status: number; body: string }> {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(`_1_${name}`, value);
  body.set('0', JSON.stringify([...(escapeReply(args) as unknown[]), '$K1']));
  const response = await fetch(`${appUrl}${page}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Next-Action': id, Accept: 'text/x-component', Origin: appUrl, ...(cookie ? { cookie } : {}) },
    body,
  });
  return { status: response.status, body: await response.text() };
}

/**
 * React's reply format reads a string starting with `$` as a reference; its client escapes such
 * strings as `$$…`, and so do we, so the action receives exactly the value the test means.
 */
function escapeReply(value: unknown): unknown {
  if (typeof value === 'string') return value.startsWith('$') ? `$${value}` : value;
  if (Array.isArray(value)) return value.map(escapeReply);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeReply(v)]));
  return value;
}
