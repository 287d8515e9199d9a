import type { BatchTaskStatus, BatchTaskType, TaskProgress } from '@/contracts/iotda-batch-tasks';
import type { TaskDetailStatus } from '@/contracts/iotda-batch-task-details';

export const TASK_TYPE_LABELS: Record<BatchTaskType, string> = {
  freezeDevices: 'Freeze',
  unfreezeDevices: 'Unfreeze',
  forceOfflineDevices: 'Force offline',
};

/** IoTDA's task statuses in the console's words ("Waitting" is IoTDA's spelling). */
export const TASK_STATUS_LABELS: Record<BatchTaskStatus, string> = {
  Initializing: 'Preparing',
  Waitting: 'Waiting',
  Processing: 'Running',
  Success: 'Succeeded',
  Fail: 'Failed',
  PartialSuccess: 'Partly succeeded',
  Stopping: 'Stopping',
  Stopped: 'Stopped',
};

export const DETAIL_STATUS_LABELS: Record<TaskDetailStatus, string> = {
  Waitting: 'Waiting',
  Processing: 'Running',
  Success: 'Succeeded',
  Fail: 'Failed',
  FailWaitRetry: 'Failed, retry due',
  Stopped: 'Stopped',
  Removed: 'Removed',
};

/** Subtasks that will not run again unless retried. */
export const finishedOf = (p: TaskProgress): number => p.success + p.fail + p.stopped + p.removed;

/** IoTDA's yyyyMMdd'T'HHmmss'Z' (UTC) as milliseconds. */
export function compactUtcMs(value: string): number {
  const [, y, mo, d, h, mi, s] = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value) ?? [];
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
}
