import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import type { Role } from '@/contracts/operators';

/** What each role may do, as DESIGN.md "Operators" says and the service enforces. The roles' names are ROLE_NAMES (lib/role-names). */
export const ROLE_HINTS: Record<Role, MessageDescriptor> = {
  viewer: msg`reads`,
  operator: msg`also edits, corrects status, freezes and forces devices offline, runs tasks`,
  admin: msg`also replaces keys, manages users, reads the audit log`,
};
