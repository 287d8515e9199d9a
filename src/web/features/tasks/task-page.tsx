import { Trans, useLingui } from '@lingui/react/macro';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'wouter';
import { isApiError } from '@/web/api/api-error';
import { batchTaskQueries } from '@/web/api/batch-tasks';
import { PageLoading } from '@/web/components/page-loading';
import { useDocumentTitle } from '@/web/lib/use-document-title';
import { RESULT_FILTERS, useResultFilter } from '@/web/features/tasks/result-filter';
import { TaskDetail } from '@/web/features/tasks/task-detail';
import { ReadError } from '@/web/features/tasks/task-states';
import { useMarkerPages } from '@/web/features/tasks/use-marker-pages';
import '@/web/features/tasks/tasks.css';
import '@/web/features/tasks/task-page.css';

/** Subtasks a page of the report: IoTDA's largest page. */
export const REPORT_PAGE = 50;

// IoTDA: a task_id is at most 24 of lowercase a-f and digits; anything else names no task.
const TASK_ID = /^[0-9a-f]{1,24}$/;

function TaskNotFound({ id }: { id: string }) {
  const { t } = useLingui();
  useDocumentTitle(t`Task not found`);
  return (
    <section className="page" aria-labelledby="task-missing-title">
      <div className="card task-missing">
        <h1 id="task-missing-title">
          <Trans>Task not found</Trans>
        </h1>
        <p>
          <Trans>
            No task with ID <span className="mono">{id}</span> exists in this workspace. The link may be wrong.
          </Trans>
        </p>
        <p>
          <Link href="/tasks">
            <Trans>Go to the tasks</Trans>
          </Link>
        </p>
      </div>
    </section>
  );
}

/** /tasks/:taskId: the task, live while it runs, with its report filtered by result (in the URL) and paged. */
export default function TaskPage() {
  const { t } = useLingui();
  const { taskId = '' } = useParams<{ taskId: string }>();
  const valid = TASK_ID.test(taskId);
  const [result, setResult] = useResultFilter();
  const pages = useMarkerPages(result);
  const query = useQuery({
    ...batchTaskQueries.show(taskId, { status: RESULT_FILTERS[result].statusKey, marker: pages.marker, limit: REPORT_PAGE }),
    enabled: valid,
    // Another page or filter keeps the task on screen while it loads; another task does not.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[2] === taskId ? previous : undefined),
  });

  if (!valid || (isApiError(query.error) && query.error.status === 404)) return <TaskNotFound id={taskId} />;
  if (query.data) {
    return (
      <TaskDetail
        data={query.data}
        refreshError={query.error}
        result={result}
        onResult={setResult}
        before={pages.index * REPORT_PAGE}
        busy={query.isPlaceholderData}
        onPrevious={pages.previous}
        onNext={pages.next}
      />
    );
  }
  if (query.isError) {
    return (
      <section className="page" aria-labelledby="task-error-title">
        <h1 id="task-error-title">
          <Trans>Task {taskId}</Trans>
        </h1>
        <ReadError title={t`The task could not be loaded.`} error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      </section>
    );
  }
  return <PageLoading label={t`Loading the task…`} />;
}
