import { batchTaskSchema, type BatchTask, type BatchTaskType, type CreateBatchTaskBody } from '@/contracts/iotda-batch-tasks';
import type { DeviceFilterQuery } from '@/contracts/roma';
import { showBatchTaskResponseSchema } from '@/contracts/iotda-batch-task-details';
import { apiFetch, currentSession } from '@/web/api/client';

/** IoTDA task names: letters, digits and underscores only. */
const taskName = (type: BatchTaskType, at: Date) => `${type}_${at.toISOString().replaceAll(/\D/g, '').slice(0, 14)}`;

/** What a task acts on: the list's filter as the URL holds it, less the devices unticked since; or devices named by IoTDA id. */
export type TaskTargets = { filters: DeviceFilterQuery; exceptTargets: readonly string[] } | { targets: readonly string[] };

function targetsOf(targets: TaskTargets): Pick<CreateBatchTaskBody, 'targets' | 'targets_filter'> {
  if ('targets' in targets) return { targets: [...targets.targets] };
  const filter = Object.fromEntries(Object.entries(targets.filters).filter(([, value]) => value !== undefined && value !== ''));
  return { targets_filter: { ...filter, ...(targets.exceptTargets.length > 0 && { except_targets: [...targets.exceptTargets] }) } };
}

/** IoTDA CreateBatchTask: the service stores the task and runs it in the background, whatever becomes of this tab. */
export async function createBatchTask(type: BatchTaskType, targets: TaskTargets, now = new Date()): Promise<BatchTask> {
  const { projectId } = currentSession();
  const body: CreateBatchTaskBody = { task_name: taskName(type, now), task_type: type, ...targetsOf(targets) };
  const { data } = await apiFetch({ method: 'POST', path: `/v5/iot/${encodeURIComponent(projectId)}/batchtasks`, body, schema: batchTaskSchema });
  return data;
}

/** IoTDA ShowBatchTask, the task alone (one detail at most): its status and progress. */
export async function readBatchTask(taskId: string, signal?: AbortSignal): Promise<BatchTask> {
  const { projectId } = currentSession();
  const { data } = await apiFetch({
    path: `/v5/iot/${encodeURIComponent(projectId)}/batchtasks/${encodeURIComponent(taskId)}`,
    query: { limit: 1 },
    schema: showBatchTaskResponseSchema,
    signal,
  });
  return data.batchtask;
}
