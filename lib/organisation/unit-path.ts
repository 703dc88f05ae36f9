import type { UnitKind } from '@/lib/codes';

/** The page of a unit in 'Beheer organisatie'. */
export function unitPath(unit: { kind: UnitKind; id: string }): string {
  switch (unit.kind) {
    case 'centre':
      return '/organisatie';
    case 'school':
      return `/organisatie/scholen/${unit.id}`;
    case 'department':
      return `/organisatie/afdelingen/${unit.id}`;
  }
}
