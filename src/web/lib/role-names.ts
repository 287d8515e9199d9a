import { msg } from '@lingui/core/macro';
import type { MessageDescriptor } from '@lingui/core';
import type { Role } from '@/contracts/roles';

/** Each role's name as the console shows it, in the operator's language. */
export const ROLE_NAMES: Record<Role, MessageDescriptor> = { viewer: msg`Viewer`, operator: msg`Operator`, admin: msg`Admin` };
