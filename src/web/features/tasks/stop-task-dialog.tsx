import { plural } from '@lingui/core/macro';
import { Plural, Trans, useLingui } from '@lingui/react/macro';
import type { BatchTask } from '@/contracts/iotda-batch-tasks';
import { describeError } from '@/web/api/api-error';
import { ModalDialog } from '@/web/components/modal-dialog';
import { formatCount } from '@/web/lib/format';
import { actedOn, useTaskControl } from '@/web/features/tasks/use-task-control';

interface StopTaskDialogProps {
  task: BatchTask;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** Confirms StopBatchTask: what is left undone stays so, and a stopped task cannot be retried. */
export function StopTaskDialog({ task, onClose, onDone }: StopTaskDialogProps) {
  const { t } = useLingui();
  const control = useTaskControl(task.task_id);
  const { waitting, processing, fail_wait_retry } = task.task_progress;
  const notDone = waitting + processing + fail_wait_retry;
  // ICU's # is not replaced inside an element: the count in bold is its own, formatted, value.
  const count = formatCount(notDone);
  const stop = () =>
    control.mutate('stop', {
      onSuccess: (results) => {
        const undone = actedOn(results);
        onDone(t`${plural(undone, { one: 'Task stopped: # device left undone.', other: 'Task stopped: # devices left undone.' })}`);
      },
    });
  const name = task.task_name;
  const reason = describeError(control.error);
  return (
    <ModalDialog
      title={t`Stop ${name}?`}
      onClose={onClose}
      dismissible={!control.isPending}
      footer={
        <>
          <button type="button" className="button" onClick={onClose} disabled={control.isPending}>
            <Trans>Keep running</Trans>
          </button>
          <button type="button" className="button button-danger" onClick={stop} disabled={control.isPending}>
            {control.isPending ? t`Stopping…` : t`Stop task`}
          </button>
        </>
      }
    >
      <p>
        <Trans>
          The <strong>{count}</strong> <Plural value={notDone} one="device not done yet is left as it is." other="devices not done yet are left as they are." />
        </Trans>{' '}
        <Trans>Devices already done stay done. A stopped task cannot be retried.</Trans>
      </p>
      {control.error && (
        <p role="alert" className="form-alert">
          <Trans>Not stopped: {reason}</Trans>
        </p>
      )}
    </ModalDialog>
  );
}
