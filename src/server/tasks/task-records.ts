import { randomBytes } from 'node:crypto';
import type { BatchTask, BatchTaskStatus, TaskProgress } from '@/contracts/iotda-batch-tasks';
import type { TaskDetailStatus } from '@/contracts/iotda-batch-task-details';
import type { BatchTasksTable } from '../db/schema';

/**
 * A new task id: IoTDA's 24 lowercase hex, the first 12 the creation time in ms, so that a larger
 * id is a newer task (IoTDA's paging reads newest first by id), the rest random.
 */
export function newTaskId(now: number): string {
  return now.toString(16).padStart(12, '0') + randomBytes(6).toString('hex');
}

/** A subtask's marker for paging: its place in the task, as 24 hex like a task id. */
export const detailMarker = (seq: number): string => seq.toString(16).padStart(24, '0');
export const seqOfMarker = (marker: string): number => Number.parseInt(marker, 16);

/** IoTDA's time format: yyyyMMdd'T'HHmmss'Z' in UTC. */
export function compactUtc(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z').replaceAll(/[-:]/g, '');
}

export type StatusCounts = Partial<Record<TaskDetailStatus, number>>;

export function progressOf(counts: StatusCounts): TaskProgress {
  const n = (status: TaskDetailStatus) => counts[status] ?? 0;
  return {
    total: Object.values(counts).reduce((sum, c) => sum + c, 0),
    processing: n('Processing'),
    success: n('Success'),
    fail: n('Fail'),
    waitting: n('Waitting'),
    fail_wait_retry: n('FailWaitRetry'),
    stopped: n('Stopped'),
    removed: n('Removed'),
  };
}

/** Subtasks still to run: while any is left, the task is not over. */
export const PENDING_DETAILS = ['Waitting', 'Processing', 'FailWaitRetry'] as const satisfies readonly TaskDetailStatus[];

/** Where a task ends once nothing is left to run: stopped if it was stopped, else by its subtasks' results. */
export function endStatus(current: BatchTaskStatus, progress: TaskProgress): BatchTaskStatus {
  if (current === 'Stopped' || current === 'Stopping' || progress.stopped > 0) return 'Stopped';
  if (progress.fail === 0) return 'Success';
  return progress.success === 0 ? 'Fail' : 'PartialSuccess';
}

/** The task as IoTDA shows it, from its row and its subtasks' counts. */
export function taskOf(row: BatchTasksTable, counts: StatusCounts): BatchTask {
  const task: BatchTask = {
    task_id: row.task_id,
    task_name: row.task_name,
    task_type: row.task_type as BatchTask['task_type'],
    status: row.status as BatchTaskStatus,
    task_progress: progressOf(counts),
    create_time: compactUtc(row.created_at),
    created_user: row.created_user,
  };
  if (row.targets !== null) task.targets = JSON.parse(row.targets) as string[];
  if (row.targets_filter !== null) task.targets_filter = JSON.parse(row.targets_filter) as BatchTask['targets_filter'];
  if (row.task_policy !== null) task.task_policy = JSON.parse(row.task_policy) as BatchTask['task_policy'];
  if (row.status_desc !== null) task.status_desc = row.status_desc;
  return task;
}
