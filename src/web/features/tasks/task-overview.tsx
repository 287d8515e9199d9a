import { Trans, useLingui } from '@lingui/react/macro';
import { useId, type ReactNode } from 'react';
import { Link } from 'wouter';
import type { BatchTask } from '@/contracts/iotda-batch-tasks';
import { TASK_TYPE_LABELS } from '@/web/features/tasks/task-labels';
import { TaskProgress } from '@/web/features/tasks/task-progress';
import { describeTarget, filterListHref } from '@/web/features/tasks/task-target';
import { TaskTime } from '@/web/features/tasks/task-time';

/** The task at a glance: how far it got, what it acted on, who started it and when. */
export function TaskOverview({ task }: { task: BatchTask }) {
  const { t, i18n } = useLingui();
  const titleId = useId();
  const facts: Array<[string, ReactNode]> = [
    [t`Action`, i18n._(TASK_TYPE_LABELS[task.task_type])],
    [
      t`Targets`,
      <>
        {describeTarget(task)}
        {task.targets_filter && (
          <Link href={filterListHref(task.targets_filter)} className="task-fact-link">
            <Trans>Show the filter in the device list</Trans>
          </Link>
        )}
      </>,
    ],
    [t`Started by`, task.created_user ?? '—'],
    [t`Started`, <TaskTime key="time" value={task.create_time} />],
    [t`Task ID`, <span key="id" className="mono">{task.task_id}</span>],
  ];
  // IoTDA's own words about the status: shown as it wrote them.
  if (task.status_desc) facts.push([t`Status detail`, task.status_desc]);
  return (
    <section className="card task-section" aria-labelledby={titleId}>
      <h2 id={titleId}>
        <Trans>Progress</Trans>
      </h2>
      <TaskProgress progress={task.task_progress} label={t`Task progress`} />
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
