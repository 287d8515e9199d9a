import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BatchTargetResults } from '@/contracts/iotda-batch-task-details';
import { batchTaskKeys } from '@/web/api/batch-task-keys';
import { retryBatchTask, stopBatchTask } from '@/web/api/batch-tasks';

export type TaskControl = 'stop' | 'retry';

/** Stop or retry the whole task (`{}`: every subtask the call acts on); the task is read again whatever came of it. */
export function useTaskControl(taskId: string) {
  const queryClient = useQueryClient();
  return useMutation<BatchTargetResults, Error, TaskControl>({
    mutationKey: [...batchTaskKeys.detail(taskId), 'control'],
    mutationFn: (control) => (control === 'stop' ? stopBatchTask(taskId) : retryBatchTask(taskId)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: batchTaskKeys.all() }),
  });
}

/** How many subtasks the call changed: IoTDA answers each target with success or failure. */
export const actedOn = (results: BatchTargetResults): number => results.targets.filter((t) => t.status === 'success').length;
