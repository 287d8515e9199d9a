import type { AuditAction, AuditResult } from '@/contracts/operators';

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  'device.update': 'Edit device',
  'device.modifyStatus': 'Correct status',
  'device.replaceKey': 'Replace key',
  'device.freeze': 'Freeze',
  'device.unfreeze': 'Unfreeze',
  'device.forceOffline': 'Force offline',
  'task.create': 'Start task',
  'task.stop': 'Stop task',
  'task.retry': 'Retry task',
  'orgKey.set': 'Register org key',
  'user.create': 'Create user',
  'user.update': 'Change user',
  'user.setPassword': 'Set password',
  'token.revoke': 'Sign out',
};

export const AUDIT_RESULT_LABELS: Record<AuditResult, string> = { success: 'Done', refused: 'Refused', failed: 'Failed' };
