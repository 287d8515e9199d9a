import type { TaskDetail } from '@/contracts/iotda-batch-task-details';
import { showBatchTask } from '@/web/api/batch-tasks';

/** IoTDA's largest page of subtasks. */
const PAGE_MAX = 50;

/**
 * Every subtask of the task, page after page along the markers, for an export. `onPage` hears
 * how many were read of how many, so a long read can say how far it got.
 */
export async function readWholeTaskReport(taskId: string, onPage?: (read: number, count: number) => void, signal?: AbortSignal): Promise<TaskDetail[]> {
  const details: TaskDetail[] = [];
  let marker: string | undefined;
  for (;;) {
    const { task_details, page } = await showBatchTask(taskId, { marker, limit: PAGE_MAX }, signal);
    details.push(...task_details);
    onPage?.(details.length, page.count);
    if (task_details.length < PAGE_MAX || !page.marker) return details;
    marker = page.marker;
  }
}
