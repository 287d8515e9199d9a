import { queryOptions } from '@tanstack/react-query';
import { BATCH_TASK_TYPES, listBatchTasksResponseSchema, type BatchTask } from '@/contracts/iotda-batch-tasks';
import {
  batchTargetResultsSchema,
  showBatchTaskResponseSchema,
  type BatchTargetResults,
  type BatchTargetsBody,
  type ShowBatchTaskResponse,
  type TaskDetailStatus,
} from '@/contracts/iotda-batch-task-details';
import { apiFetch, currentSession } from '@/web/api/client';
import { batchTaskKeys } from '@/web/api/batch-task-keys';

/** IoTDA batch task paths of the signed-in project. */
export function batchTasksPath(suffix = ''): string {
  return `/v5/iot/${encodeURIComponent(currentSession().projectId)}/batchtasks${suffix}`;
}

const taskPath = (taskId: string, suffix = '') => batchTasksPath(`/${encodeURIComponent(taskId)}${suffix}`);

/** A page of tasks: `limit` of them (IoTDA: at most 50), older than `marker` (the newest when absent). */
export interface TaskListPage {
  marker?: string | undefined;
  limit: number;
}

/** One page of the workspace's tasks of every type, newest first. */
export interface TaskList {
  tasks: BatchTask[];
  /** Tasks of every type in the workspace. */
  count: number;
  /** The marker of the next, older page; absent on the last. */
  next?: string;
}

// Ids are 24 lowercase hex with the creation time first, so comparing them as text sorts by age.
const newestFirst = (a: BatchTask, b: BatchTask) => (a.task_id < b.task_id ? 1 : a.task_id > b.task_id ? -1 : 0);

/**
 * IoTDA ListBatchTasks needs a task_type: one call per type, merged newest first. Each is asked for
 * one more than the page so an older page is known to exist exactly, not guessed from the counts.
 */
export async function listBatchTasks(page: TaskListPage, signal?: AbortSignal): Promise<TaskList> {
  const answers = await Promise.all(
    BATCH_TASK_TYPES.map((task_type) =>
      apiFetch({ path: batchTasksPath(), query: { task_type, limit: page.limit + 1, marker: page.marker }, schema: listBatchTasksResponseSchema, signal }),
    ),
  );
  const merged = answers.flatMap(({ data }) => data.batchtasks).sort(newestFirst);
  const tasks = merged.slice(0, page.limit);
  const count = answers.reduce((sum, { data }) => sum + data.page.count, 0);
  return { tasks, count, ...(merged.length > page.limit && { next: tasks.at(-1)!.task_id }) };
}

/** A page of a task's report: subtasks of one status (all when absent), after `marker`. */
export interface TaskReportPage {
  status?: TaskDetailStatus | undefined;
  marker?: string | undefined;
  limit: number;
}

/** IoTDA ShowBatchTask: the task as it is now and one page of its subtasks. */
export async function showBatchTask(taskId: string, page: TaskReportPage, signal?: AbortSignal): Promise<ShowBatchTaskResponse> {
  const { data } = await apiFetch({
    path: taskPath(taskId),
    query: { task_detail_status: page.status, marker: page.marker, limit: page.limit },
    schema: showBatchTaskResponseSchema,
    signal,
  });
  return data;
}

/** IoTDA StopBatchTask: `{}` stops every subtask still to run. Refused (IOTDA.014302) once the task is over. */
export async function stopBatchTask(taskId: string, body: BatchTargetsBody = {}): Promise<BatchTargetResults> {
  const { data } = await apiFetch({ method: 'POST', path: taskPath(taskId, '/stop'), body, schema: batchTargetResultsSchema });
  return data;
}

/** IoTDA RetryBatchTask: `{}` runs again every failed or stopped subtask. Refused (IOTDA.014302) while the task's status forbids it. */
export async function retryBatchTask(taskId: string, body: BatchTargetsBody = {}): Promise<BatchTargetResults> {
  const { data } = await apiFetch({ method: 'POST', path: taskPath(taskId, '/retry'), body, schema: batchTargetResultsSchema });
  return data;
}

/** Batch task queries: the key levels of batch-task-keys.ts with `queryOptions` leaves. */
export const batchTaskQueries = {
  ...batchTaskKeys,
  list: (page: TaskListPage) => queryOptions({ queryKey: [...batchTaskKeys.lists(), page], queryFn: ({ signal }) => listBatchTasks(page, signal) }),
  show: (taskId: string, page: TaskReportPage) =>
    queryOptions({ queryKey: [...batchTaskKeys.detail(taskId), page], queryFn: ({ signal }) => showBatchTask(taskId, page, signal) }),
};
