import type { BatchTask, TaskProgress } from '@/contracts/iotda-batch-tasks';
import type { ShowBatchTaskResponse, TaskDetail } from '@/contracts/iotda-batch-task-details';

const NO_PROGRESS: TaskProgress = { total: 0, processing: 0, success: 0, fail: 0, waitting: 0, fail_wait_retry: 0, stopped: 0, removed: 0 };

/** A task id of `n`: 24 hex, so a larger `n` is a newer task as the service's ids are. */
export const taskId = (n: number): string => n.toString(16).padStart(24, '0');

/** A batch task as the service answers it; override what the test is about. */
export function testTask(n: number, overrides: Partial<Omit<BatchTask, 'task_progress'>> & { task_progress?: Partial<TaskProgress> } = {}): BatchTask {
  const { task_progress, ...rest } = overrides;
  return {
    task_id: taskId(n),
    task_name: `task_${n}`,
    task_type: 'freezeDevices',
    targets: ['7_a', '7_b'],
    status: 'Success',
    task_progress: { ...NO_PROGRESS, total: 2, success: 2, ...task_progress },
    create_time: '20261204T120000Z',
    created_user: 'admin',
    ...rest,
  };
}

/** A subtask of device `7_{i}`; failed ones carry IoTDA's error. */
export const testDetail = (i: number, status: TaskDetail['status'] = 'Success'): TaskDetail => ({
  target: `7_${i}`,
  status,
  ...(status === 'Fail' && { error: { error_code: 'IOTDA.000006', error_msg: `device ${i} is a sub-device` } }),
});

export const showAnswer = (task: BatchTask, details: TaskDetail[], count = details.length, marker?: string): ShowBatchTaskResponse => ({
  batchtask: task,
  task_details: details,
  page: { count, ...(marker && { marker }) },
});
