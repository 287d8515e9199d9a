import { formatDateTime } from '@/web/lib/format';
import { compactUtcMs } from '@/web/features/tasks/task-labels';

/** When the task was created, in the operator's words with the exact instant for machines. */
export function TaskTime({ value }: { value: string }) {
  const ms = compactUtcMs(value);
  return <time dateTime={new Date(ms).toISOString()}>{formatDateTime(ms)}</time>;
}
