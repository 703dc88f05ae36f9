import type { InviteRole } from '@/lib/codes';

/** The invitation page's `?rol=` value of each role (the URL speaks Dutch like the routes). */
const SLUGS: Record<InviteRole, string> = {
  parent: 'ouder',
  teacher: 'leerkracht',
  clb: 'clb',
  care_provider: 'zorgverstrekker',
  centre_staff: 'medewerker',
  school_manager: 'schoolverantwoordelijke',
  department_manager: 'afdelingsverantwoordelijke',
};

export function roleSlug(role: InviteRole): string {
  return SLUGS[role];
}

/** The role `?rol=` names, when this target offers it; otherwise none (the page shows the choice). */
export function roleFromSlug(slug: unknown, offered: readonly InviteRole[]): InviteRole | null {
  return offered.find((role) => SLUGS[role] === slug) ?? null;
}
