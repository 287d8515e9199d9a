import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import type { BatchTask } from '@/contracts/iotda-batch-tasks';
import { RETRY_REFUSED_WHILE, STOP_REFUSED_WHILE } from '@/contracts/iotda-batch-task-details';
import { describeError } from '@/web/api/api-error';
import { ActionButton } from '@/web/components/action-button';
import { roleReason, useRole } from '@/web/lib/role-rules';
import { StopTaskDialog } from '@/web/features/tasks/stop-task-dialog';
import { actedOn, useTaskControl } from '@/web/features/tasks/use-task-control';

const includes = (statuses: readonly string[], status: string) => statuses.includes(status);

/** IoTDA's rules: retry where subtasks failed and the task's status allows it; stop while it has work left. */
export const canRetry = (task: BatchTask): boolean =>
  task.task_progress.fail + task.task_progress.fail_wait_retry > 0 && !includes(RETRY_REFUSED_WHILE, task.status);
export const canStop = (task: BatchTask): boolean => !includes(STOP_REFUSED_WHILE, task.status);

/** The task's actions, each shown only when IoTDA would accept it; what they did goes to `onDone`. */
export function TaskActions({ task, onDone }: { task: BatchTask; onDone: (message: string) => void }) {
  const { t } = useLingui();
  const retry = useTaskControl(task.task_id);
  const [stopping, setStopping] = useState(false);
  const retryFailed = () => {
    onDone('');
    retry.mutate('retry', {
      onSuccess: (results) => {
        const retrying = actedOn(results);
        onDone(t`${plural(retrying, { one: 'Retrying # device.', other: 'Retrying # devices.' })}`);
      },
    });
  };
  const blocked = roleReason(useRole(), 'operator', t`stop or retry tasks`);
  const reason = describeError(retry.error);
  if (blocked && (canRetry(task) || canStop(task))) {
    return (
      <div className="task-actions">
        {canRetry(task) && <ActionButton label={t`Retry failed`} onClick={retryFailed} unavailable={blocked} />}
        {canStop(task) && <ActionButton label={t`Stop`} onClick={() => setStopping(true)} unavailable={blocked} />}
      </div>
    );
  }
  return (
    <div className="task-actions">
      {canRetry(task) && (
        <button type="button" className="button button-primary" onClick={retryFailed} disabled={retry.isPending}>
          {retry.isPending ? t`Retrying…` : t`Retry failed`}
        </button>
      )}
      {canStop(task) && (
        <button type="button" className="button" onClick={() => setStopping(true)}>
          <Trans>Stop</Trans>
        </button>
      )}
      {retry.error && (
        <p role="alert" className="form-alert task-actions-error">
          <Trans>Not retried: {reason}</Trans>
        </p>
      )}
      {stopping && (
        <StopTaskDialog
          task={task}
          onClose={() => setStopping(false)}
          onDone={(message) => {
            setStopping(false);
            onDone(message);
          }}
        />
      )}
    </div>
  );
}
