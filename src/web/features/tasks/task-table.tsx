import { Link } from 'wouter';
import type { BatchTask } from '@/contracts/iotda-batch-tasks';
import { TASK_TYPE_LABELS } from '@/web/features/tasks/task-labels';
import { TaskProgress } from '@/web/features/tasks/task-progress';
import { TaskStatusBadge } from '@/web/features/tasks/task-status-badge';
import { TaskTime } from '@/web/features/tasks/task-time';
import '@/web/components/data-table.css';

/** The workspace's tasks, one row each: what, by whom, when, and how far it got. */
export function TaskTable({ tasks, busy }: { tasks: readonly BatchTask[]; busy: boolean }) {
  return (
    <div className="data-table-scroll">
      <table className="data-table" aria-busy={busy}>
        <caption className="visually-hidden">Tasks, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Task</th>
            <th scope="col">Type</th>
            <th scope="col">Started by</th>
            <th scope="col">Started</th>
            <th scope="col">Status</th>
            <th scope="col">Progress</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => (
            <tr key={task.task_id}>
              <td>
                <Link href={`/tasks/${task.task_id}`} className="task-link">
                  {task.task_name}
                </Link>
              </td>
              <td>{TASK_TYPE_LABELS[task.task_type]}</td>
              <td>{task.created_user ?? <span className="cell-muted">—</span>}</td>
              <td>
                <TaskTime value={task.create_time} />
              </td>
              <td>
                <TaskStatusBadge status={task.status} />
              </td>
              <td className="task-progress-cell">
                <TaskProgress progress={task.task_progress} label={`Progress of ${task.task_name}`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
