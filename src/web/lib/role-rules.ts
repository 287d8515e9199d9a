import { useSyncExternalStore } from 'react';
import { roleAllows, type Role } from '@/contracts/roles';
import { getSession, subscribeSession } from '@/web/api/session';

const WHO_MAY: Record<Role, string> = { viewer: 'anyone', operator: 'an operator or an admin', admin: 'an admin' };

/** Why `role` may not do what needs `needed`, in words; undefined when it may. The service refuses it too (403). */
export function roleReason(role: Role, needed: Role, doing: string): string | undefined {
  if (roleAllows(role, needed)) return undefined;
  return `Your role (${role}) cannot ${doing}. Ask ${WHO_MAY[needed]}.`;
}

/** The signed-in user's role. */
export const useRole = (): Role => useSyncExternalStore(subscribeSession, () => getSession()?.role ?? 'viewer');
