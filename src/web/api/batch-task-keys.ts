/**
 * Batch task query keys, apart from their queries: the live stream names them on every load, and
 * the queries' contracts load only with the Tasks pages.
 */
export const batchTaskKeys = {
  all: () => ['batch-tasks'] as const,
  lists: () => [...batchTaskKeys.all(), 'list'] as const,
  details: () => [...batchTaskKeys.all(), 'detail'] as const,
  /** Every page and filter of one task's report, each holding the task as it was read. */
  detail: (taskId: string) => [...batchTaskKeys.details(), taskId] as const,
};
