import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import type { AuditAction, AuditResult } from '@/contracts/operators';

// Descriptors: each is translated where it is shown, in the language on screen then.
export const AUDIT_ACTION_LABELS: Record<AuditAction, MessageDescriptor> = {
  'device.update': msg`Edit device`,
  'device.modifyStatus': msg`Correct status`,
  'device.replaceKey': msg`Replace key`,
  'device.freeze': msg`Freeze`,
  'device.unfreeze': msg`Unfreeze`,
  'device.forceOffline': msg`Force offline`,
  'task.create': msg`Start task`,
  'task.stop': msg`Stop task`,
  'task.retry': msg`Retry task`,
  'orgKey.set': msg`Register org key`,
  'user.create': msg`Create user`,
  'user.update': msg`Change user`,
  'user.setPassword': msg`Set password`,
  'token.revoke': msg`Sign out`,
};

export const AUDIT_RESULT_LABELS: Record<AuditResult, MessageDescriptor> = { success: msg`Done`, refused: msg`Refused`, failed: msg`Failed` };
