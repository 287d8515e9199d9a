import type { BatchTask } from '@/contracts/iotda-batch-tasks';
import { describeError } from '@/web/api/api-error';
import { ModalDialog } from '@/web/components/modal-dialog';
import { formatCount, plural } from '@/web/lib/format';
import { actedOn, useTaskControl } from '@/web/features/tasks/use-task-control';

interface StopTaskDialogProps {
  task: BatchTask;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** Confirms StopBatchTask: what is left undone stays so, and a stopped task cannot be retried. */
export function StopTaskDialog({ task, onClose, onDone }: StopTaskDialogProps) {
  const control = useTaskControl(task.task_id);
  const { waitting, processing, fail_wait_retry } = task.task_progress;
  const left = waitting + processing + fail_wait_retry;
  const stop = () => control.mutate('stop', { onSuccess: (results) => onDone(`Task stopped: ${plural(actedOn(results), 'device')} left undone.`) });
  return (
    <ModalDialog
      title={`Stop ${task.task_name}?`}
      onClose={onClose}
      dismissible={!control.isPending}
      footer={
        <>
          <button type="button" className="button" onClick={onClose} disabled={control.isPending}>
            Keep running
          </button>
          <button type="button" className="button button-danger" onClick={stop} disabled={control.isPending}>
            {control.isPending ? 'Stopping…' : 'Stop task'}
          </button>
        </>
      }
    >
      <p>
        The <strong>{formatCount(left)}</strong> devices not done yet are left as they are. Devices already done stay done. A stopped task
        cannot be retried.
      </p>
      {control.error && (
        <p role="alert" className="form-alert">
          Not stopped: {describeError(control.error)}
        </p>
      )}
    </ModalDialog>
  );
}
