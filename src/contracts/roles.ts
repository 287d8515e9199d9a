import { z } from 'zod/mini';
import type { Permission } from './device';

// Apart from the other operator contracts: the sign-in answer and the console's first load need
// these few, not the users' and audit log's schemas.

/** DESIGN.md "Operators": viewers read; operators also change devices; admins also hold the keys, the users and the audit log. */
export const roleSchema = z.enum(['viewer', 'operator', 'admin']);
export type Role = z.infer<typeof roleSchema>;

const RANK: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };
/** Whether `role` may do what `needed` may. */
export const roleAllows = (role: Role, needed: Role): boolean => RANK[role] >= RANK[needed];

/** The device permissions (001 `permissions[]`) a role can hold: a device's own list is cut down to these. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  viewer: ['read', 'access'],
  operator: ['read', 'access', 'modify', 'delete'],
  admin: ['read', 'access', 'modify', 'delete'],
};

