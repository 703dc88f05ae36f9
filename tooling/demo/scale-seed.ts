import { CONTACT_ROLES } from '@/lib/codes';
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { PGlite } from '@electric-sql/pglite';
import type postgres from 'postgres';
import { TEST_PERSONS } from '@/tooling/demo/test-persons';
import { studentSearchName } from '@/lib/text/search-name';
import type { Db } from '@/lib/db/client';
import { rowsOf } from '@/lib/db/rows';
import { DEMO_CENTRE, DEMO_ENTRY_TEMPLATES, DEMO_SCHOOLS, DEMO_STAFF, demoId } from './demo-data';

/**
 * Scale data for benchmarks, on top of the demo seed (same centre, schools and departments,
 * so the stand-in's staff see it): per dossier a student, 1–2 requests, a few entries, about
 * ten audit events; a contact (a new user) for about one dossier in three, some invitations.
 *
 * Deterministic: dossier `i` of seed `s` is always generated from the same PRNG stream and
 * its ids are hashes of (s, kind, i), so a run with a larger count adds only the dossiers
 * that are missing. Loaded with COPY (postgres.js stream, or PGlite's /dev/blob), one
 * transaction per chunk, in foreign-key order.
 */

export type ScaleSeedOptions = {
  /** Total number of scale dossiers wanted for this seed (existing ones are kept). */
  dossiers: number;
  seed?: number;
  /** Dates are spread over the three years before this. */
  now?: Date;
  /** Dossiers per transaction. */
  chunk?: number;
  log?: (message: string) => void;
};

export type ScaleSeedResult = {
  seed: number;
  existing: number;
  added: number;
  rows: Record<string, number>;
  ms: number;
};

const DAY = 86_400_000;

// ── Deterministic randomness ───────────────────────────────────────────────────────────────
/** sfc32: small, fast, 128-bit state; seeded per dossier so dossiers are independent. */
function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

function rngFor(seed: number, index: number): () => number {
  const next = sfc32(0x9e3779b9 ^ seed, index, 0x85ebca6b ^ (index >>> 16), 0xc2b2ae35);
  for (let i = 0; i < 12; i++) next();
  return next;
}

/** A v4-shaped UUID that is a hash of its name: stable across runs, random-looking in indexes. */
export function scaleId(seed: number, kind: string, index: number, n = 0): string {
  const h = createHash('md5').update(`diplon-scale:${seed}:${kind}:${index}:${n}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
const between = (rnd: () => number, lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
function weighted<T>(rnd: () => number, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let x = rnd() * total;
  for (const [value, w] of table) {
    x -= w;
    if (x < 0) return value;
  }
  return table[table.length - 1]![0];
}

// ── Invented names (no real person is meant) ───────────────────────────────────────────────
const NAME_STEMS = [
  'Appel', 'Bos', 'Dal', 'Eik', 'Gras', 'Hazel', 'Lin', 'Maan', 'Noot', 'Riet',
  'Sneeuw', 'Tulp', 'Wilg', 'Berk', 'Beuk', 'Klaver', 'Vlas', 'Hop', 'Mos', 'Varen',
];
const NAME_ENDINGS = [
  'mans', 'vriend', 'blad', 'kruid', 'spriet', 'boom', 'zaad', 'laar', 'hout', 'kraag',
  'klok', 'veld', 'hove', 'beke', 'dael', 'inck', 'aert', 'ens', 'kens', 'ier',
];
const PARTICLES = ['', '', '', '', '', '', 'Van ', 'De ', 'Van den ', 'Vander'];
export const SCALE_GIVEN_NAMES = [
  'Lotte', 'Finn', 'Noor', 'Mathis', 'Ella', 'Vic', 'Marie', 'Lars', 'Fien', 'Seppe', 'Lina', 'Wout',
  'Julie', 'Kobe', 'Nina', 'Arthur', 'Zoë', 'Jules', 'Ines', 'Mila', 'Louis', 'Emma', 'Mats', 'Olivia',
  'Lucas', 'Hanne', 'Warre', 'Elise', 'Rune', 'Febe', 'Stan', 'Amélie', 'Bas', 'Liv', 'Cas', 'Nora',
  'Daan', 'Roos', 'Otis', 'Yara', 'Milan', 'Axelle', 'Thibo', 'Sara', 'Lowie', 'Aya', 'Jef', 'Lore',
];
const ADULT_GIVEN_NAMES = ['Koen', 'Sarah', 'Tom', 'Ann', 'Bart', 'Els', 'Dirk', 'Katrien', 'Wim', 'Leen', 'Geert', 'Sofie', 'Hilde', 'Jan', 'Nele', 'Peter'];
const MAIL_DOMAINS = ['telenet.be', 'gmail.com', 'skynet.be', 'outlook.com', 'proximus.be', 'school.example'];

/** A family name of the scale data (400 stems × endings, some with a particle). */
export function scaleFamilyName(rnd: () => number): string {
  const particle = pick(rnd, PARTICLES);
  const stem = pick(rnd, NAME_STEMS);
  const ending = pick(rnd, NAME_ENDINGS);
  return particle === 'Vander' ? `Vander${stem.toLowerCase()}${ending}` : `${particle}${stem}${ending}`;
}

// ── Rows ───────────────────────────────────────────────────────────────────────────────────
type Cell = string | number | boolean | null;
type Table = { name: string; columns: string[]; rows: Cell[][] };

const TABLES = {
  users: ['id', 'itsme_sub', 'given_name', 'family_name', 'email', 'created_at', 'last_login_at'],
  students: ['id', 'centre_id', 'school_id', 'department_id', 'given_name', 'family_name', 'search_name', 'birth_year', 'class_name', 'created_at'],
  dossiers: ['id', 'student_id', 'centre_id', 'created_at'],
  requests: ['id', 'dossier_id', 'student_id', 'centre_id', 'school_id', 'department_id', 'type', 'status', 'description', 'submitted_at', 'closed_at', 'created_at'],
  dossier_entries: ['id', 'dossier_id', 'author_id', 'kind', 'title', 'body', 'occurred_on', 'created_at'],
  invitations: ['id', 'dossier_id', 'role', 'email', 'email_key', 'token_hash', 'invited_by', 'created_at', 'expires_at', 'status', 'sent_at', 'accepted_by', 'accepted_at', 'cancelled_by', 'cancelled_at'],
  dossier_contacts: ['id', 'dossier_id', 'user_id', 'role', 'invitation_id', 'granted_by', 'granted_at', 'revoked_by', 'revoked_at'],
  audit_events: ['at', 'actor_id', 'action', 'dossier_id', 'target_type', 'target_id', 'details', 'origin'],
} as const;
type TableName = keyof typeof TABLES;
const ORDER = Object.keys(TABLES) as TableName[];

const DESCRIPTIONS = [
  'Vraag naar ondersteuning bij lezen en plannen.',
  'Leerling heeft moeite met rekenen; vraag om redelijke aanpassingen.',
  'Ondersteuning bij gedrag en concentratie in de klas.',
  'Verlenging van de begeleiding voor het volgende schooljaar.',
  'Advies over het gebruik van hulpmiddelen bij toetsen.',
  'Vraag naar begeleiding bij de overstap naar het secundair.',
];
const AUDIT_ACTIONS = [
  ['dossier_viewed', 50],
  ['contacts_viewed', 14],
  ['audit_viewed', 6],
  ['invitation_checked', 10],
  ['invitation_sent', 8],
  ['invitation_resent', 2],
  ['invitation_cancelled', 2],
  ['invitation_accepted', 4],
  ['contact_revoked', 2],
  ['mail_retried', 2],
] as const;

/** The demo's staff users, as authors and audit actors. */
type Staff = { centre: string; school: [string, string]; departmentManager: string; managedDepartment: string };

function staffIds(): Staff {
  const user = (sub: string) => demoId(`user:${sub}`);
  const departmentStaff = DEMO_STAFF.find((s) => s.role === 'department_manager')!;
  return {
    centre: user(TEST_PERSONS.centreStaff.sub),
    school: [user(TEST_PERSONS.schoolManager.sub), user(TEST_PERSONS.centreStaff.sub)],
    departmentManager: user(departmentStaff.person.sub),
    managedDepartment: departmentStaff.unit,
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

function hex64(rnd: () => number): string {
  let out = '';
  for (let i = 0; i < 8; i++) out += Math.floor(rnd() * 4294967296).toString(16).padStart(8, '0');
  return out;
}

/** Every row of scale dossier `i`, appended to the tables. */
function generateDossier(seed: number, i: number, nowMs: number, staff: Staff, out: Record<TableName, Cell[][]>): void {
  const rnd = rngFor(seed, i);
  const id = (kind: string, n = 0) => scaleId(seed, kind, i, n);
  const schoolIndex = rnd() < 0.5 ? 0 : 1;
  const school = DEMO_SCHOOLS[schoolIndex];
  const departmentIndex = rnd() < 0.5 ? 0 : 1;
  const departmentId = rnd() < 0.03 ? null : school.departments[departmentIndex].id;
  const givenName = pick(rnd, SCALE_GIVEN_NAMES);
  const familyName = scaleFamilyName(rnd);
  const primary = schoolIndex === 0;
  const age = primary ? (departmentIndex === 0 ? 3 : 6) + between(rnd, 0, primary && departmentIndex === 0 ? 2 : 5) : 12 + between(rnd, 0, 5);
  const className = primary ? (departmentIndex === 0 ? `K${between(rnd, 1, 3)}` : `L${between(rnd, 1, 6)}`) : `${between(rnd, 1, 6)}${pick(rnd, ['A', 'B', 'C', 'D'])}`;
  const dossierCreated = nowMs - between(rnd, 1, 1100) * DAY - between(rnd, 0, DAY - 1);
  const studentId = id('student');
  const dossierId = id('dossier');
  const staffAuthor = rnd() < 0.7 ? staff.centre : staff.school[schoolIndex]!;

  out.students.push([
    studentId, DEMO_CENTRE.id, school.id, departmentId, givenName, familyName,
    studentSearchName(givenName, familyName), new Date(nowMs).getUTCFullYear() - age, className, iso(dossierCreated),
  ]);
  out.dossiers.push([dossierId, studentId, DEMO_CENTRE.id, iso(dossierCreated)]);

  const requestCount = rnd() < 0.6 ? 1 : 2;
  for (let n = 0; n < requestCount; n++) {
    const created = dossierCreated + between(rnd, 0, Math.max(0, Math.floor((nowMs - dossierCreated) / DAY) - 1)) * DAY + between(rnd, 0, DAY - 1);
    const ageDays = (nowMs - created) / DAY;
    const status = ageDays > 240
      ? weighted(rnd, [['completed', 80], ['in_progress', 15], ['submitted', 3], ['draft', 2]] as const)
      : weighted(rnd, [['completed', 15], ['in_progress', 35], ['submitted', 35], ['draft', 15]] as const);
    const submitted = status === 'draft' ? null : Math.min(nowMs, created + between(rnd, 0, 3) * DAY);
    const closed = status === 'completed' ? Math.min(nowMs, (submitted ?? created) + between(rnd, 20, 200) * DAY) : null;
    out.requests.push([
      id('request', n), dossierId, studentId, DEMO_CENTRE.id, school.id, departmentId,
      pick(rnd, ['support_request', 'extension', 'advice'] as const), status, pick(rnd, DESCRIPTIONS),
      submitted === null ? null : iso(submitted), closed === null ? null : iso(closed), iso(created),
    ]);
  }

  const entryCount = between(rnd, 1, 4);
  for (let n = 0; n < entryCount; n++) {
    const template = DEMO_ENTRY_TEMPLATES[(n + between(rnd, 0, 1)) % DEMO_ENTRY_TEMPLATES.length]!;
    const occurred = dossierCreated + Math.floor(rnd() * (nowMs - dossierCreated));
    out.dossier_entries.push([
      id('entry', n), dossierId, staffAuthor, template.kind, template.title, template.body,
      iso(occurred).slice(0, 10), iso(Math.min(nowMs, occurred + between(rnd, 0, 2) * DAY)),
    ]);
  }

  const actors: string[] = [staffAuthor, staff.centre];
  if (departmentId === staff.managedDepartment) actors.push(staff.departmentManager);
  // About one dossier in three has a contact with access; half of those came by invitation.
  if (rnd() < 1 / 3) {
    const userId = id('user');
    const adultGiven = pick(rnd, ADULT_GIVEN_NAMES);
    const role = weighted(rnd, [['parent', 60], ['teacher', 15], ['clb', 15], ['care_provider', 10]] as const);
    const adultFamily = role === 'parent' && rnd() < 0.7 ? familyName : scaleFamilyName(rnd);
    const local = `${adultGiven}.${adultFamily}`.toLowerCase().normalize('NFKD').replace(/[^a-z.]/g, '');
    const email = `${local}${i}@${pick(rnd, MAIL_DOMAINS)}`;
    const granted = dossierCreated + Math.floor(rnd() * (nowMs - dossierCreated));
    out.users.push([userId, `scale-${seed}-${i}`, adultGiven, adultFamily, email, iso(granted), rnd() < 0.8 ? iso(granted + Math.floor(rnd() * (nowMs - granted))) : null]);
    let invitationId: string | null = null;
    if (rnd() < 0.5) {
      invitationId = id('invitation', 0);
      const invited = Math.max(dossierCreated, granted - between(rnd, 1, 10) * DAY);
      out.invitations.push([
        invitationId, dossierId, role, email, email, hex64(rnd), staffAuthor, iso(invited), iso(invited + 14 * DAY),
        'accepted', iso(invited), userId, iso(granted), null, null,
      ]);
    }
    const revoked = rnd() < 0.08 ? granted + Math.floor(rnd() * (nowMs - granted)) : null;
    out.dossier_contacts.push([
      id('contact'), dossierId, userId, role, invitationId, staffAuthor, iso(granted),
      revoked === null ? null : staffAuthor, revoked === null ? null : iso(revoked),
    ]);
    actors.push(userId);
  }
  // Some dossiers have an open (or expired, or cancelled) invitation.
  const openRoll = rnd();
  if (openRoll < 0.12) {
    const role = pick(rnd, CONTACT_ROLES);
    const email = `${pick(rnd, ADULT_GIVEN_NAMES).toLowerCase()}.${i}@${pick(rnd, MAIL_DOMAINS)}`;
    const invited = nowMs - between(rnd, 0, 40) * DAY - between(rnd, 0, DAY - 1);
    const cancelled = openRoll < 0.025;
    out.invitations.push([
      id('invitation', 1), dossierId, role, email, email, hex64(rnd), staffAuthor, iso(invited), iso(invited + 14 * DAY),
      cancelled ? 'cancelled' : 'pending', iso(invited), null, null,
      cancelled ? staffAuthor : null, cancelled ? iso(Math.min(nowMs, invited + DAY)) : null,
    ]);
  }

  const events = between(rnd, 6, 14);
  const times = Array.from({ length: events }, () => dossierCreated + Math.floor(rnd() * (nowMs - dossierCreated))).sort((a, b) => a - b);
  for (const at of times) {
    const action = weighted(rnd, AUDIT_ACTIONS);
    out.audit_events.push([
      iso(at), pick(rnd, actors), action, dossierId, action.startsWith('invitation') ? 'invitation' : 'dossier', null,
      action === 'invitation_checked' ? '{"outcome":"ok","role":"parent"}' : '{}', `10.${between(rnd, 0, 255)}.${between(rnd, 0, 255)}.${between(rnd, 1, 254)}`,
    ]);
  }
}

// ── Loading ────────────────────────────────────────────────────────────────────────────────
const NEEDS_ESCAPE = /[\\\t\n\r]/;

function copyText(cell: Cell): string {
  if (cell === null) return '\\N';
  if (typeof cell !== 'string') return String(cell);
  if (!NEEDS_ESCAPE.test(cell)) return cell;
  return cell.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

function toCopy(rows: Cell[][]): string {
  let text = '';
  for (const row of rows) text += `${row.map(copyText).join('\t')}\n`;
  return text;
}

function literal(cell: Cell): string {
  if (cell === null) return 'null';
  if (typeof cell !== 'string') return String(cell);
  return `'${cell.replace(/'/g, "''")}'`;
}

type Loader = {
  /** Writes the tables in one transaction. */
  load(tables: Table[]): Promise<void>;
};

function isPostgresJs(client: unknown): client is postgres.Sql {
  return typeof client === 'function' && typeof (client as { unsafe?: unknown }).unsafe === 'function';
}

function isPglite(client: unknown): client is PGlite {
  return typeof client === 'object' && client !== null && typeof (client as { exec?: unknown }).exec === 'function' && 'dataDir' in client;
}

function loaderFor(db: Db): Loader {
  const client = (db as unknown as { $client?: unknown }).$client;
  if (isPostgresJs(client)) {
    return {
      async load(tables) {
        await client.begin(async (tx) => {
          for (const table of tables) {
            if (table.rows.length === 0) continue;
            const stream = await tx.unsafe(`copy ${table.name} (${table.columns.join(', ')}) from stdin`).writable();
            await new Promise<void>((resolve, reject) => {
              stream.on('error', reject);
              stream.on('finish', resolve);
              stream.end(toCopy(table.rows));
            });
          }
        });
      },
    };
  }
  if (isPglite(client)) {
    return {
      async load(tables) {
        await client.transaction(async (tx) => {
          for (const table of tables) {
            if (table.rows.length === 0) continue;
            await tx.query(`copy ${table.name} (${table.columns.join(', ')}) from '/dev/blob'`, [], {
              blob: new Blob([toCopy(table.rows)]),
            });
          }
        });
      },
    };
  }
  // Any other driver: batched multi-row inserts.
  return {
    async load(tables) {
      await db.transaction(async (tx) => {
        for (const table of tables) {
          for (let at = 0; at < table.rows.length; at += 500) {
            const values = table.rows.slice(at, at + 500).map((r) => `(${r.map(literal).join(', ')})`).join(',\n');
            await tx.execute(sql.raw(`insert into ${table.name} (${table.columns.join(', ')}) values ${values}`));
          }
        }
      });
    },
  };
}

async function dossierExists(db: Db, id: string): Promise<boolean> {
  return rowsOf(await db.execute(sql`select 1 as one from dossiers where id = ${id}`)).length > 0;
}

/** How many scale dossiers of this seed exist (chunks commit whole, so they form a prefix). */
async function countExisting(db: Db, seed: number, upTo: number): Promise<number> {
  let lo = 0;
  let hi = upTo;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (await dossierExists(db, scaleId(seed, 'dossier', mid))) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export async function seedScale(db: Db, options: ScaleSeedOptions): Promise<ScaleSeedResult> {
  const started = performance.now();
  const seed = options.seed ?? 1;
  const total = Math.max(0, Math.floor(options.dossiers));
  const chunk = options.chunk ?? 2_000;
  const log = options.log ?? (() => {});
  const nowMs = (options.now ?? new Date()).getTime();
  if (rowsOf(await db.execute(sql`select 1 from centres where id = ${DEMO_CENTRE.id}`)).length === 0) {
    throw new Error('De schaalgegevens bouwen op de demo: voer eerst seedDemo uit.');
  }
  const existing = await countExisting(db, seed, total);
  const rows: Record<string, number> = Object.fromEntries(ORDER.map((t) => [t, 0]));
  const loader = loaderFor(db);
  const staff = staffIds();
  for (let from = existing; from < total; from += chunk) {
    const to = Math.min(total, from + chunk);
    const out = Object.fromEntries(ORDER.map((t) => [t, [] as Cell[][]])) as Record<TableName, Cell[][]>;
    for (let i = from; i < to; i++) generateDossier(seed, i, nowMs, staff, out);
    await loader.load(ORDER.map((name) => ({ name, columns: [...TABLES[name]], rows: out[name] })));
    for (const name of ORDER) rows[name]! += out[name].length;
    log(`schaal: ${to}/${total} dossiers (${Math.round((performance.now() - started) / 1000)} s)`);
  }
  if (total > existing) await db.execute(sql`analyze`);
  return { seed, existing, added: Math.max(0, total - existing), rows, ms: Math.round(performance.now() - started) };
}
