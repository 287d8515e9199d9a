import { useLingui } from '@lingui/react/macro';
import type { BatchTaskStatus } from '@/contracts/iotda-batch-tasks';
import { TASK_STATUS_LABELS } from '@/web/features/tasks/task-labels';
import '@/web/components/status-badge.css';

const TONES: Record<BatchTaskStatus, string> = {
  Initializing: 'waiting',
  Waitting: 'waiting',
  Processing: 'running',
  Stopping: 'running',
  Success: 'success',
  Fail: 'fail',
  PartialSuccess: 'partial',
  Stopped: 'stopped',
};

/** The task's status as a badge of the house: colour, dot and word together. */
export function TaskStatusBadge({ status }: { status: BatchTaskStatus }) {
  const { i18n } = useLingui();
  return <span className={`badge badge-task-${TONES[status]}`}>{i18n._(TASK_STATUS_LABELS[status])}</span>;
}
