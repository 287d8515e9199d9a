import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import type { BatchTask, BatchTaskStatus, BatchTaskType } from '@/contracts/iotda-batch-tasks';
import type { DeviceFilterQuery } from '@/contracts/roma';
import { describeError, type ApiError } from '@/web/api/api-error';
import { createBatchTask, readBatchTask, type TaskTargets } from '@/web/api/create-batch-task';
import { deviceQueries } from '@/web/api/device-queries';
import type { DeviceRef } from '@/web/api/device-selection';
import { ModalDialog } from '@/web/components/modal-dialog';
import { ProgressBar } from '@/web/components/progress-bar';
import { formatCount } from '@/web/lib/format';
import type { MatchingSelection } from '@/web/lib/use-selection';
import { TASK_WORDS } from '@/web/features/devices/bulk-task/task-words';

/** Whether IoTDA still works on a task in each status ("Waitting" is its spelling). */
const RUNNING: Record<BatchTaskStatus, boolean> = {
  Initializing: true,
  Waitting: true,
  Processing: true,
  Stopping: true,
  Success: false,
  Fail: false,
  PartialSuccess: false,
  Stopped: false,
};
const isRunning = (status: BatchTaskStatus): boolean => RUNNING[status];
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
  const { t } = useLingui();
  const { total, success, fail, stopped } = task.task_progress;
  const finished = success + fail + stopped;
  const finishedCount = formatCount(finished);
  const totalCount = formatCount(total);
  if (isRunning(task.status)) return <ProgressBar label={t`${finishedCount} of ${totalCount} devices handled`} done={finished} total={total} />;
  const successCount = formatCount(success);
  const failCount = formatCount(fail);
  const stoppedCount = formatCount(stopped);
  return (
    <p role="status">
      {stopped > 0 ? t`${successCount} ${done}, ${failCount} failed, ${stoppedCount} stopped.` : t`${successCount} ${done}, ${failCount} failed.`}
    </p>
  );
}

/**
 * A bulk action on every device matching a filter, or on more ticked devices than a tab should
 * send: confirmed here, sent as one batch task (a filter stays a filter), and run by the service, so it goes on if this tab closes and every
 * operator can follow it. The dialog follows the task until it ends, and links to its report.
 */
export default function BulkTaskDialog({ type, devices: selected, onClose, onStarted }: BulkTaskDialogProps) {
  const { t } = useLingui();
  const words = TASK_WORDS[type];
  const matching = 'query' in selected ? selected : undefined;
  const count = matching ? Math.max(0, matching.total - matching.except.size) : (selected as readonly DeviceRef[]).length;
  const devices = t`${plural(count, { one: '# device', other: '# devices' })}`;
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
      if (!isRunning(read.status)) await queryClient.invalidateQueries({ queryKey: deviceQueries.all() });
      return read;
    },
    enabled: taskId !== undefined,
    refetchInterval: (query) => (query.state.data && !isRunning(query.state.data.status) ? false : POLL_MS),
  });
  const task = followed.data ?? create.data;

  if (task) {
    const running = words.running();
    const reason = followed.error ? describeError(followed.error) : '';
    return (
      <ModalDialog
        title={isRunning(task.status) ? t`${running}: task started` : t`${running}: task ended`}
        onClose={onClose}
        footer={
          <>
            <Link href={`/tasks/${task.task_id}`} className="button">
              <Trans>View task</Trans>
            </Link>
            <button type="button" className="button button-primary" onClick={onClose}>
              <Trans>Done</Trans>
            </button>
          </>
        }
      >
        <TaskProgress task={task} done={words.done()} />
        <p className="cell-muted">
          <Trans>The service runs it: it goes on if you close this tab, and every operator sees it on the Tasks page.</Trans>
        </p>
        {followed.error && (
          <p role="alert">
            <Trans>Could not follow the task: {reason}</Trans>
          </p>
        )}
      </ModalDialog>
    );
  }

  const unticked = matching?.except.size ?? 0;
  const untickedDevices = t`${plural(unticked, { one: '# device', other: '# devices' })}`;
  const reason = create.error ? describeError(create.error) : '';
  const code = create.error?.code;
  return (
    <ModalDialog
      title={words.title(count)}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            <Trans>Cancel</Trans>
          </button>
          <button type="button" className={type === 'forceOfflineDevices' ? 'button button-danger' : 'button button-primary'} disabled={create.isPending} onClick={() => create.mutate()}>
            {words.confirm(count)}
          </button>
        </>
      }
    >
      <p>
        {!matching ? (
          <Trans>
            <strong>{devices}</strong> selected.
          </Trans>
        ) : unticked > 0 ? (
          <Trans>
            <strong>{devices}</strong>: every device matching the list’s filter, less the {untickedDevices} you unticked.
          </Trans>
        ) : (
          <Trans>
            <strong>{devices}</strong>: every device matching the list’s filter.
          </Trans>
        )}
      </p>
      <p>
        <Trans>The service runs this as a task, in the background: it goes on if you close this tab, and every operator can follow it.</Trans>
      </p>
      {create.error && (
        <p role="alert" className="form-alert">
          <Trans>
            Not started: {reason} ({code}). No device was changed.
          </Trans>
        </p>
      )}
    </ModalDialog>
  );
}
