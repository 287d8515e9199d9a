import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from 'wouter';
import type { BatchTask } from '@/contracts/iotda-batch-tasks';
import { TASK_TYPE_LABELS } from '@/web/features/tasks/task-labels';
import { TaskProgress } from '@/web/features/tasks/task-progress';
import { TaskStatusBadge } from '@/web/features/tasks/task-status-badge';
import { TaskTime } from '@/web/features/tasks/task-time';
import '@/web/components/data-table.css';

/** The workspace's tasks, one row each: what, by whom, when, and how far it got. */
export function TaskTable({ tasks, busy }: { tasks: readonly BatchTask[]; busy: boolean }) {
  const { t, i18n } = useLingui();
  return (
    <div className="data-table-scroll">
      <table className="data-table" aria-busy={busy}>
        <caption className="visually-hidden">
          <Trans>Tasks, newest first</Trans>
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <Trans>Task</Trans>
            </th>
            <th scope="col">
              <Trans>Type</Trans>
            </th>
            <th scope="col">
              <Trans>Started by</Trans>
            </th>
            <th scope="col">
              <Trans>Started</Trans>
            </th>
            <th scope="col">
              <Trans>Status</Trans>
            </th>
            <th scope="col">
              <Trans>Progress</Trans>
            </th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => {
            const name = task.task_name;
            return (
              <tr key={task.task_id}>
                <td>
                  <Link href={`/tasks/${task.task_id}`} className="task-link">
                    {name}
                  </Link>
                </td>
                <td>{i18n._(TASK_TYPE_LABELS[task.task_type])}</td>
                <td>{task.created_user ?? <span className="cell-muted">—</span>}</td>
                <td>
                  <TaskTime value={task.create_time} />
                </td>
                <td>
                  <TaskStatusBadge status={task.status} />
                </td>
                <td className="task-progress-cell">
                  <TaskProgress progress={task.task_progress} label={t`Progress of ${name}`} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
