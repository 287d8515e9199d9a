import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import type { BatchTaskStatus, BatchTaskType, TaskProgress } from '@/contracts/iotda-batch-tasks';
import type { TaskDetailStatus } from '@/contracts/iotda-batch-task-details';

export const TASK_TYPE_LABELS: Record<BatchTaskType, MessageDescriptor> = {
  freezeDevices: msg`Freeze`,
  unfreezeDevices: msg`Unfreeze`,
  forceOfflineDevices: msg`Force offline`,
};

/** IoTDA's task statuses in the console's words ("Waitting" is IoTDA's spelling). */
export const TASK_STATUS_LABELS: Record<BatchTaskStatus, MessageDescriptor> = {
  Initializing: msg`Preparing`,
  Waitting: msg`Waiting`,
  Processing: msg`Running`,
  Success: msg`Succeeded`,
  Fail: msg`Failed`,
  PartialSuccess: msg`Partly succeeded`,
  Stopping: msg`Stopping`,
  Stopped: msg`Stopped`,
};

export const DETAIL_STATUS_LABELS: Record<TaskDetailStatus, MessageDescriptor> = {
  Waitting: msg`Waiting`,
  Processing: msg`Running`,
  Success: msg`Succeeded`,
  Fail: msg`Failed`,
  FailWaitRetry: msg`Failed, retry due`,
  Stopped: msg`Stopped`,
  Removed: msg`Removed`,
};

/** Subtasks that will not run again unless retried. */
export const finishedOf = (p: TaskProgress): number => p.success + p.fail + p.stopped + p.removed;

/** IoTDA's yyyyMMdd'T'HHmmss'Z' (UTC) as milliseconds. */
export function compactUtcMs(value: string): number {
  const [, y, mo, d, h, mi, s] = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value) ?? [];
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
}
