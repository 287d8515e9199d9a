import { Trans, useLingui } from '@lingui/react/macro';
import { useId } from 'react';
import type { ShowBatchTaskResponse, TaskDetailStatus } from '@/contracts/iotda-batch-task-details';
import { formatCount } from '@/web/lib/format';
import { DownloadReport } from '@/web/features/tasks/download-report';
import { MarkerPaging } from '@/web/features/tasks/marker-paging';
import { RESULT_FILTERS, RESULTS, type Result } from '@/web/features/tasks/result-filter';
import { DETAIL_STATUS_LABELS } from '@/web/features/tasks/task-labels';
import '@/web/components/bulk-result-report.css';
import '@/web/components/data-table.css';

const TONES: Record<TaskDetailStatus, string> = {
  Waitting: 'waiting',
  Processing: 'running',
  Success: 'success',
  Fail: 'fail',
  FailWaitRetry: 'fail',
  Stopped: 'stopped',
  Removed: 'stopped',
};

export interface TaskReportProps {
  data: ShowBatchTaskResponse;
  result: Result;
  onResult: (result: Result) => void;
  /** Subtasks on the pages before this one. */
  before: number;
  busy: boolean;
  onPrevious: () => void;
  onNext: (marker: string) => void;
}

/** What happened on each device, a page at a time, by result; the whole of it as CSV. */
export function TaskReport({ data, result, onResult, before, busy, onPrevious, onNext }: TaskReportProps) {
  const { t, i18n } = useLingui();
  const titleId = useId();
  const groupName = useId();
  const { batchtask: task, task_details: details, page } = data;
  const hasNext = page.marker !== undefined && before + details.length < page.count;
  return (
    <section className="card task-section" aria-labelledby={titleId}>
      <h2 id={titleId}>
        <Trans>Result per device</Trans>
      </h2>
      <div className="task-report-tools">
        <fieldset className="segmented">
          <legend className="visually-hidden">
            <Trans>Show devices</Trans>
          </legend>
          {RESULTS.map((value) => {
            const label = i18n._(RESULT_FILTERS[value].label);
            const count = formatCount(RESULT_FILTERS[value].count(task.task_progress));
            return (
              <label key={value} className="segment">
                <input type="radio" name={groupName} value={value} checked={result === value} onChange={() => onResult(value)} />
                {t`${label} (${count})`}
              </label>
            );
          })}
        </fieldset>
        <DownloadReport task={task} />
      </div>
      {details.length === 0 ? (
        <p className="cell-muted">{i18n._(RESULT_FILTERS[result].empty)}</p>
      ) : (
        <table className="data-table task-report-table" aria-labelledby={titleId} aria-busy={busy}>
          <thead>
            <tr>
              <th scope="col">
                <Trans>Device ID</Trans>
              </th>
              <th scope="col">
                <Trans>Result</Trans>
              </th>
              <th scope="col">
                <Trans>Error code</Trans>
              </th>
              <th scope="col">
                <Trans>Reason</Trans>
              </th>
            </tr>
          </thead>
          <tbody>
            {details.map((detail) => (
              <tr key={detail.target}>
                <td className="mono">{detail.target}</td>
                <td>
                  <span className={`outcome subtask-${TONES[detail.status]}`}>{i18n._(DETAIL_STATUS_LABELS[detail.status])}</span>
                </td>
                <td className="mono">{detail.error?.error_code ?? <span className="cell-muted">—</span>}</td>
                <td>{detail.error?.error_msg ?? <span className="cell-muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page.count > 0 && (
        <MarkerPaging
          label={t`Report pages`}
          before={before}
          shown={details.length}
          count={page.count}
          counting="devices"
          hasNext={hasNext}
          busy={busy}
          onPrevious={onPrevious}
          onNext={() => page.marker && onNext(page.marker)}
        />
      )}
    </section>
  );
}
