import { i18n, type MessageDescriptor } from '@lingui/core';
import { msg, t } from '@lingui/core/macro';
import { useSyncExternalStore } from 'react';
import { roleAllows, type Role } from '@/contracts/roles';
import { getSession, subscribeSession } from '@/web/api/session';
import { ROLE_NAMES } from '@/web/lib/role-names';

const WHO_MAY: Record<Role, MessageDescriptor> = { viewer: msg`anyone`, operator: msg`an operator or an admin`, admin: msg`an admin` };

/**
 * Why `role` may not do what needs `needed`, in words; undefined when it may. The service refuses it too (403).
 * `doing` is the action in the operator's language ("force devices offline").
 */
export function roleReason(role: Role, needed: Role, doing: string): string | undefined {
  if (roleAllows(role, needed)) return undefined;
  const roleName = i18n._(ROLE_NAMES[role]).toLowerCase();
  const who = i18n._(WHO_MAY[needed]);
  return t`Your role (${roleName}) cannot ${doing}. Ask ${who}.`;
}

/** The signed-in user's role. */
export const useRole = (): Role => useSyncExternalStore(subscribeSession, () => getSession()?.role ?? 'viewer');
