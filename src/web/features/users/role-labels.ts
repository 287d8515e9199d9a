import type { Role } from '@/contracts/operators';

export const ROLE_LABELS: Record<Role, string> = { viewer: 'Viewer', operator: 'Operator', admin: 'Admin' };

/** What each role may do, as DESIGN.md "Operators" says and the service enforces. */
export const ROLE_HINTS: Record<Role, string> = {
  viewer: 'reads',
  operator: 'also edits, corrects status, freezes and forces devices offline, runs tasks',
  admin: 'also replaces keys, manages users, reads the audit log',
};
