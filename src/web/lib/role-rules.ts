import { useSyncExternalStore } from 'react';
import type { Device } from '@/contracts/device';
import { roleAllows, type Role } from '@/contracts/roles';
import { getSession, subscribeSession } from '@/web/api/session';
import { canModify, NO_MODIFY_REASON } from '@/web/lib/device-rules';

const WHO_MAY: Record<Role, string> = { viewer: 'anyone', operator: 'an operator or an admin', admin: 'an admin' };

/** Why `role` may not do what needs `needed`, in words; undefined when it may. The service refuses it too (403). */
export function roleReason(role: Role, needed: Role, doing: string): string | undefined {
  if (roleAllows(role, needed)) return undefined;
  return `Your role (${role}) cannot ${doing}. Ask ${WHO_MAY[needed]}.`;
}

/** The signed-in user's role. */
export const useRole = (): Role => useSyncExternalStore(subscribeSession, () => getSession()?.role ?? 'viewer');

/** Why the signed-in user cannot do `doing` to `device`: their role first, then the device's own permissions; undefined when they can. */
export function useChangeBlocker(device: Pick<Device, 'permissions'>, doing: string, needed: Role = 'operator'): string | undefined {
  return roleReason(useRole(), needed, doing) ?? (canModify(device) ? undefined : NO_MODIFY_REASON);
}
