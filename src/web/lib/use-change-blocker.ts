import type { Device } from '@/contracts/device';
import type { Role } from '@/contracts/roles';
import { canModify, noModifyReason } from '@/web/lib/device-rules';
import { roleReason, useRole } from '@/web/lib/role-rules';

/** Why the signed-in user cannot do `doing` to `device`: their role first, then the device's own permissions; undefined when they can. */
export function useChangeBlocker(device: Pick<Device, 'permissions'>, doing: string, needed: Role = 'operator'): string | undefined {
  return roleReason(useRole(), needed, doing) ?? (canModify(device) ? undefined : noModifyReason());
}
