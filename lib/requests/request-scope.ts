import { eq, or, type SQL } from 'drizzle-orm';
import type { Membership } from '@/lib/auth/find-session';
import { requests } from '@/lib/db/schema';

/** The requests an organisation role may see, as one SQL condition (null: none at all). */
export function requestScope(memberships: readonly Membership[]): SQL | null {
  const parts: SQL[] = [];
  for (const m of memberships) {
    if (m.role === 'centre_staff' && m.centreId) parts.push(eq(requests.centreId, m.centreId));
    if (m.role === 'school_manager' && m.schoolId) parts.push(eq(requests.schoolId, m.schoolId));
    if (m.role === 'department_manager' && m.departmentId) parts.push(eq(requests.departmentId, m.departmentId));
  }
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0]! : or(...parts)!;
}
