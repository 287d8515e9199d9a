import type { FastifyRequest } from 'fastify';
import type { Device, Permission } from '@/contracts/device';
import { ROLE_PERMISSIONS, roleAllows, type Role } from '@/contracts/operators';
import { ApiFailure, familyOf, ROMA_CODES } from '../errors';

/** The 403 of each family: API Gateway's for ROMA and the console, IoTDA's and EnOS's own shapes for theirs. */
export const FORBIDDEN_CODES = { roma: ROMA_CODES.forbidden, iotda: 'IOTDA.000003', enos: 99403 } as const;

const WHAT_ROLE_ALLOWS: Record<Role, string> = {
  viewer: 'read',
  operator: 'read and change devices',
  admin: 'do everything',
};

/** A refusal that says which role the call needs, in the envelope of the request's family. */
export function forbidden(request: FastifyRequest, needed: Role): ApiFailure {
  const role = request.session.role;
  const article = role === 'operator' || role === 'admin' ? 'an' : 'a';
  const message = `Forbidden: this call needs the ${needed} role; user ${request.session.username} is ${article} ${role}, who may ${WHAT_ROLE_ALLOWS[role]}.`;
  return new ApiFailure(403, FORBIDDEN_CODES[familyOf(request.url)], message);
}

/** For calls whose role depends on what they ask (EnOS's one path for two actions). */
export function requireRole(request: FastifyRequest, needed: Role): void {
  if (!roleAllows(request.session.role, needed)) throw forbidden(request, needed);
}

/** 001 `permissions[]` as the caller holds them: the device's own, cut down to what the caller's role allows. */
export function permissionsFor(role: Role, permissions: readonly Permission[]): Permission[] {
  const allowed = ROLE_PERMISSIONS[role];
  return permissions.filter((p) => allowed.includes(p));
}

/** The device as the caller may see it; the same object when the role changes nothing. */
export function asSeenBy<D extends Partial<Pick<Device, 'permissions'>>>(role: Role, device: D): D {
  if (!device.permissions || role !== 'viewer') return device;
  return { ...device, permissions: permissionsFor(role, device.permissions) };
}
