import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import type { BatchTask, BatchTaskType } from '@/contracts/iotda-batch-tasks';
import type { DeviceFilterQuery } from '@/contracts/roma';
import { describeError, type ApiError } from '@/web/api/api-error';
import { createBatchTask, readBatchTask, type TaskTargets } from '@/web/api/create-batch-task';
import { deviceQueries } from '@/web/api/device-queries';
import type { DeviceRef } from '@/web/api/device-selection';
import { ModalDialog } from '@/web/components/modal-dialog';
import { ProgressBar } from '@/web/components/progress-bar';
import { formatCount, plural } from '@/web/lib/format';
import type { MatchingSelection } from '@/web/lib/use-selection';
import { TASK_WORDS } from '@/web/features/devices/bulk-task/task-words';

const RUNNING = new Set(['Initializing', 'Waitting', 'Processing', 'Stopping']);
/** Often enough that the end of a task of a few seconds shows without a noticeable wait. */
const POLL_MS = 500;

interface BulkTaskDialogProps {
  type: BatchTaskType;
  /** The selection when the dialog opened: every device matching a filter, less those unticked; or the devices ticked. */
  devices: MatchingSelection<DeviceRef, DeviceFilterQuery> | readonly DeviceRef[];
  onClose: () => void;
  /** The task was created: the selection has been handed over to it. */
  onStarted: () => void;
}

function TaskProgress({ task, done }: { task: BatchTask; done: string }) {
  const { total, success, fail, stopped } = task.task_progress;
  const finished = success + fail + stopped;
  if (RUNNING.has(task.status)) return <ProgressBar label={`${formatCount(finished)} of ${formatCount(total)} devices handled`} done={finished} total={total} />;
  return (
    <p role="status">
      {formatCount(success)} {done}, {formatCount(fail)} failed{stopped > 0 ? `, ${formatCount(stopped)} stopped` : ''}.
    </p>
  );
}

/**
 * A bulk action on every device matching a filter, or on more ticked devices than a tab should
 * send: confirmed here, sent as one batch task (a filter stays a filter), and run by the service, so it goes on if this tab closes and every
 * operator can follow it. The dialog follows the task until it ends, and links to its report.
 */
export default function BulkTaskDialog({ type, devices: selected, onClose, onStarted }: BulkTaskDialogProps) {
  const words = TASK_WORDS[type];
  const matching = 'query' in selected ? selected : undefined;
  const count = matching ? Math.max(0, matching.total - matching.except.size) : (selected as readonly DeviceRef[]).length;
  const devices = plural(count, 'device');
  const targets: TaskTargets = matching
    ? { filters: matching.query, exceptTargets: [...matching.except.values()].map((d) => d.iotda_device_id) }
    : { targets: (selected as readonly DeviceRef[]).map((d) => d.iotda_device_id) };
  const create = useMutation<BatchTask, ApiError>({
    mutationFn: () => createBatchTask(type, targets),
    onSuccess: onStarted,
  });
  const taskId = create.data?.task_id;
  const queryClient = useQueryClient();
  const followed = useQuery({
    queryKey: ['batch-task', taskId],
    queryFn: async ({ signal }) => {
      const read = await readBatchTask(taskId!, signal);
      // The operator's own bulk action: once it ends, the list shows where its devices are now.
      if (!RUNNING.has(read.status)) await queryClient.invalidateQueries({ queryKey: deviceQueries.all() });
      return read;
    },
    enabled: taskId !== undefined,
    refetchInterval: (query) => (query.state.data && !RUNNING.has(query.state.data.status) ? false : POLL_MS),
  });
  const task = followed.data ?? create.data;

  if (task) {
    return (
      <ModalDialog
        title={RUNNING.has(task.status) ? `${words.running}: task started` : `${words.running}: task ended`}
        onClose={onClose}
        footer={
          <>
            <Link href={`/tasks/${task.task_id}`} className="button">
              View task
            </Link>
            <button type="button" className="button button-primary" onClick={onClose}>
              Done
            </button>
          </>
        }
      >
        <TaskProgress task={task} done={words.done} />
        <p className="cell-muted">The service runs it: it goes on if you close this tab, and every operator sees it on the Tasks page.</p>
        {followed.error && <p role="alert">Could not follow the task: {describeError(followed.error)}</p>}
      </ModalDialog>
    );
  }

  return (
    <ModalDialog
      title={words.title(devices)}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className={type === 'forceOfflineDevices' ? 'button button-danger' : 'button button-primary'} disabled={create.isPending} onClick={() => create.mutate()}>
            {words.confirm(devices)}
          </button>
        </>
      }
    >
      <p>
        <strong>{devices}</strong>
        {matching
          ? `: every device matching the list’s filter${matching.except.size > 0 ? `, less the ${plural(matching.except.size, 'device')} you unticked` : ''}.`
          : ' selected.'}
      </p>
      <p>The service runs this as a task, in the background: it goes on if you close this tab, and every operator can follow it.</p>
      {create.error && (
        <p role="alert" className="form-alert">
          Not started: {describeError(create.error)} ({create.error.code}). No device was changed.
        </p>
      )}
    </ModalDialog>
  );
}
