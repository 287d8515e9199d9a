import { Trans, useLingui } from '@lingui/react/macro';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { describeError } from '@/web/api/api-error';
import { batchTaskQueries } from '@/web/api/batch-tasks';
import { useDocumentTitle } from '@/web/lib/use-document-title';
import { MarkerPaging } from '@/web/features/tasks/marker-paging';
import { TaskTable } from '@/web/features/tasks/task-table';
import { Empty, Loading, ReadError } from '@/web/features/tasks/task-states';
import { useMarkerPages } from '@/web/features/tasks/use-marker-pages';
import '@/web/features/tasks/tasks.css';

export const TASKS_PAGE = 20;

/** /tasks: every batch task of the workspace, newest first, a page at a time; running ones move with the stream. */
export default function TasksPage() {
  const { t } = useLingui();
  useDocumentTitle(t`Tasks`);
  const pages = useMarkerPages();
  const query = useQuery({ ...batchTaskQueries.list({ marker: pages.marker, limit: TASKS_PAGE }), placeholderData: keepPreviousData });
  const { data } = query;
  const reason = describeError(query.error);

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>
            <Trans>Tasks</Trans>
          </h1>
          <p className="page-subtitle">
            <Trans>Bulk work on devices, run by the service: who started it, how far it got, what failed.</Trans>
          </p>
        </div>
      </div>
      <section className="card task-card" aria-label={t`Task list`}>
        {data && query.isError && (
          <p className="task-banner" role="alert">
            <Trans>The tasks could not be refreshed: {reason}</Trans>
          </p>
        )}
        {data && data.tasks.length > 0 && <TaskTable tasks={data.tasks} busy={query.isPlaceholderData} />}
        {data?.tasks.length === 0 && <Empty title={t`No tasks yet`} detail={t`Freezing, unfreezing or forcing offline many devices from the device list starts a task here.`} />}
        {!data && query.isError && <ReadError title={t`The tasks could not be loaded.`} error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />}
        {query.isPending && <Loading title={t`Loading tasks…`} />}
        {data && data.count > 0 && (
          <MarkerPaging
            label={t`Task pages`}
            before={pages.index * TASKS_PAGE}
            shown={data.tasks.length}
            count={data.count}
            counting="tasks"
            hasNext={data.next !== undefined}
            busy={query.isPlaceholderData}
            onPrevious={pages.previous}
            onNext={() => data.next && pages.next(data.next)}
          />
        )}
      </section>
    </div>
  );
}
