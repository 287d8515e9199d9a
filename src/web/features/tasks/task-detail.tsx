import { Trans, useLingui } from '@lingui/react/macro';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { describeError } from '@/web/api/api-error';
import { useDocumentTitle } from '@/web/lib/use-document-title';
import { TaskActions } from '@/web/features/tasks/task-actions';
import { TASK_TYPE_LABELS } from '@/web/features/tasks/task-labels';
import { TaskOverview } from '@/web/features/tasks/task-overview';
import { TaskReport, type TaskReportProps } from '@/web/features/tasks/task-report';
import { TaskStatusBadge } from '@/web/features/tasks/task-status-badge';
import { TaskTime } from '@/web/features/tasks/task-time';
import '@/web/components/detail-header.css';

interface TaskDetailProps extends TaskReportProps {
  /** Why the task could not be read again, while the page shows it as it was last read. */
  refreshError: unknown;
}

/** One task: its heading and actions, its progress and targets, and its report per device. */
export function TaskDetail({ data, refreshError, ...report }: TaskDetailProps) {
  const { t, i18n } = useLingui();
  const task = data.batchtask;
  const type = i18n._(TASK_TYPE_LABELS[task.task_type]);
  const user = task.created_user ?? t`an unknown user`;
  const reason = describeError(refreshError);
  const [notice, setNotice] = useState('');
  const noticeRef = useRef<HTMLParagraphElement>(null);
  useDocumentTitle(task.task_name);
  // The button that acted may be gone with the status it needed: focus stays with what it did.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  return (
    <section className="page task-page" aria-labelledby="task-title">
      <nav aria-label={t`Breadcrumb`} className="breadcrumb">
        <Link href="/tasks">
          <Trans>Tasks</Trans>
        </Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">{task.task_name}</span>
      </nav>
      <header className="detail-header">
        <div className="detail-heading">
          <h1 id="task-title">{task.task_name}</h1>
          <p className="task-summary">
            <TaskStatusBadge status={task.status} />
            <span className="cell-muted">
              <Trans>
                {type} · started by {user} · <TaskTime value={task.create_time} />
              </Trans>
            </span>
          </p>
        </div>
        <TaskActions task={task} onDone={setNotice} />
      </header>
      {refreshError !== null && (
        <p className="form-alert" role="alert">
          <Trans>The task could not be refreshed: {reason}</Trans>
        </p>
      )}
      <p ref={noticeRef} tabIndex={-1} className={notice ? 'task-notice' : 'visually-hidden'} role="status">
        {notice}
      </p>
      <TaskOverview task={task} />
      <TaskReport data={data} {...report} />
    </section>
  );
}
