import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOSSIER_ACTIONS, PERMISSIONS, UNIT_ACTIONS, UNIT_PERMISSIONS } from '@/lib/auth/permissions';
import { UNIT_KINDS, type StaffRole } from '@/lib/codes';

const doc = readFileSync(path.join(process.cwd(), 'docs/DOMAIN.md'), 'utf8');

/** The rows of the table between `<!-- permissions:name -->` and its closing marker, as cells. */
function table(name: string): string[][] {
  const match = doc.match(new RegExp(`<!-- permissions:${name} -->\\n([\\s\\S]*?)<!-- /permissions:${name} -->`));
  if (!match) throw new Error(`docs/DOMAIN.md has no table permissions:${name}`);
  return match[1]!
    .trim()
    .split('\n')
    .map((line) => line.replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim().replace(/`/g, '')));
}

const yes = (value: boolean) => (value ? 'yes' : 'no');

describe('docs/DOMAIN.md is the permission table the code has', () => {
  it('the dossier table: one row per action, one column per grantee, the same yes and no', () => {
    const [header, , ...rows] = table('dossier');
    const grantees = Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[];
    expect(header!.slice(1)).toEqual(grantees);
    expect(rows.map((row) => row[0])).toEqual([...DOSSIER_ACTIONS]);
    for (const [action, ...cells] of rows) {
      expect(cells, action).toEqual(grantees.map((grantee) => yes(PERMISSIONS[grantee][action as (typeof DOSSIER_ACTIONS)[number]])));
    }
  });

  it('the organisation table: one row per unit action, one column per role and unit kind', () => {
    const [header, , ...rows] = table('unit');
    const columns = (Object.keys(UNIT_PERMISSIONS) as StaffRole[]).flatMap((role) => UNIT_KINDS.map((kind) => [role, kind] as const));
    expect(header!.slice(1)).toEqual(columns.map(([role, kind]) => `${role} on ${kind}`));
    expect(rows.map((row) => row[0])).toEqual([...UNIT_ACTIONS]);
    for (const [action, ...cells] of rows) {
      expect(cells, action).toEqual(columns.map(([role, kind]) => yes(UNIT_PERMISSIONS[role][kind][action as (typeof UNIT_ACTIONS)[number]])));
    }
  });
});
