import { useId, type ReactNode } from 'react';
import { Link } from 'wouter';
import type { BatchTask } from '@/contracts/iotda-batch-tasks';
import { TASK_TYPE_LABELS } from '@/web/features/tasks/task-labels';
import { TaskProgress } from '@/web/features/tasks/task-progress';
import { describeTarget, filterListHref } from '@/web/features/tasks/task-target';
import { TaskTime } from '@/web/features/tasks/task-time';

/** The task at a glance: how far it got, what it acted on, who started it and when. */
export function TaskOverview({ task }: { task: BatchTask }) {
  const titleId = useId();
  const facts: Array<[string, ReactNode]> = [
    ['Action', TASK_TYPE_LABELS[task.task_type]],
    [
      'Targets',
      <>
        {describeTarget(task)}
        {task.targets_filter && (
          <Link href={filterListHref(task.targets_filter)} className="task-fact-link">
            Show the filter in the device list
          </Link>
        )}
      </>,
    ],
    ['Started by', task.created_user ?? '—'],
    ['Started', <TaskTime key="time" value={task.create_time} />],
    ['Task ID', <span key="id" className="mono">{task.task_id}</span>],
  ];
  if (task.status_desc) facts.push(['Status detail', task.status_desc]);
  return (
    <section className="card task-section" aria-labelledby={titleId}>
      <h2 id={titleId}>Progress</h2>
      <TaskProgress progress={task.task_progress} label="Task progress" />
      <dl className="task-facts">
        {facts.map(([label, value]) => (
          <div key={label} className="task-fact">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
