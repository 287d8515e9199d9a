import { z } from 'zod/mini';
import { batchTargetSchema, batchTaskSchema, pageSchema, pagingQuerySchema, type BatchTaskStatus } from './iotda-batch-tasks';

/**
 * IoTDA subtask (TaskDetail) statuses, spelled as IoTDA spells them: Waitting, Processing,
 * Success, Fail, FailWaitRetry (failed, an automatic retry is due), Stopped, Removed.
 */
export const TASK_DETAIL_STATUSES = ['Waitting', 'Processing', 'Success', 'Fail', 'FailWaitRetry', 'Stopped', 'Removed'] as const;
export const taskDetailStatusSchema = z.enum(TASK_DETAIL_STATUSES);
export type TaskDetailStatus = z.infer<typeof taskDetailStatusSchema>;

/** IoTDA ShowBatchTask query: the paging of the task's subtasks, by subtask status or one target. */
export const showBatchTaskQuerySchema = z.extend(pagingQuerySchema, {
  task_detail_status: z.optional(taskDetailStatusSchema),
  target: z.optional(batchTargetSchema),
});
export type ShowBatchTaskQuery = z.input<typeof showBatchTaskQuerySchema>;
export type ShowBatchTaskParams = z.output<typeof showBatchTaskQuerySchema>;

/** IoTDA ErrorInfo of a subtask. */
export const taskDetailErrorSchema = z.object({ error_code: z.string(), error_msg: z.string() });

/** IoTDA TaskDetail: one target's subtask; `output` is free text, `error` says why it failed. */
export const taskDetailSchema = z.object({
  target: z.string(),
  status: taskDetailStatusSchema,
  output: z.optional(z.string()),
  error: z.optional(taskDetailErrorSchema),
});
export type TaskDetail = z.infer<typeof taskDetailSchema>;

/** IoTDA ShowBatchTask answer: the task, one page of its subtasks, and that page. */
export const showBatchTaskResponseSchema = z.object({
  batchtask: batchTaskSchema,
  task_details: z.array(taskDetailSchema),
  page: pageSchema,
});
export type ShowBatchTaskResponse = z.infer<typeof showBatchTaskResponseSchema>;

/**
 * IoTDA StopBatchTask and RetryBatchTask body (BatchTargets): at most 100 device ids, or `{}`
 * for every subtask the call acts on. An empty list is refused rather than read as `{}`.
 */
export const BATCH_TARGETS_MAX = 100;
export const batchTargetsBodySchema = z.object({
  targets: z.optional(
    z
      .array(batchTargetSchema)
      .check(
        z.minLength(1, 'targets holds at least one device id; send {} for every subtask.'),
        z.maxLength(BATCH_TARGETS_MAX, `targets holds at most ${BATCH_TARGETS_MAX} device ids.`),
      ),
  ),
});
export type BatchTargetsBody = z.infer<typeof batchTargetsBodySchema>;

/** IoTDA BatchTargetResult: one target's outcome, `success` or `failure` (with its code and message). */
export const batchTargetResultSchema = z.object({
  target: z.string(),
  status: z.enum(['success', 'failure']),
  error_code: z.optional(z.string()),
  error_msg: z.optional(z.string()),
});
export type BatchTargetResult = z.infer<typeof batchTargetResultSchema>;

/** IoTDA StopBatchTask and RetryBatchTask answer (200). */
export const batchTargetResultsSchema = z.object({ targets: z.array(batchTargetResultSchema) });
export type BatchTargetResults = z.infer<typeof batchTargetResultsSchema>;

/** IoTDA StopBatchTask: refused once the task succeeded, failed, partly succeeded or stopped, and while it stops. */
export const STOP_REFUSED_WHILE = ['Success', 'Fail', 'PartialSuccess', 'Stopped', 'Stopping'] as const satisfies readonly BatchTaskStatus[];
/** IoTDA StopBatchTask with `{}` stops the subtasks running, waiting, or failed and waiting for a retry. */
export const STOP_ACTS_ON = ['Processing', 'Waitting', 'FailWaitRetry'] as const satisfies readonly TaskDetailStatus[];

/** IoTDA RetryBatchTask: refused while the task succeeded, stopped, stops, waits or initializes. */
export const RETRY_REFUSED_WHILE = ['Success', 'Stopped', 'Stopping', 'Waitting', 'Initializing'] as const satisfies readonly BatchTaskStatus[];
/** IoTDA RetryBatchTask with `{}` runs again the subtasks failed, failed and waiting for a retry, or stopped. */
export const RETRY_ACTS_ON = ['Fail', 'FailWaitRetry', 'Stopped'] as const satisfies readonly TaskDetailStatus[];
