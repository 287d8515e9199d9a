import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import type { BatchTask } from '@/contracts/iotda-batch-tasks';
import { describeError } from '@/web/api/api-error';
import { readWholeTaskReport } from '@/web/api/read-whole-task-report';
import { downloadText, toCsv } from '@/web/lib/csv';
import { formatCount } from '@/web/lib/format';
import { DETAIL_STATUS_LABELS } from '@/web/features/tasks/task-labels';

type Reading = { state: 'idle' } | { state: 'reading'; read: number; count: number } | { state: 'failed'; error: unknown };

/** The whole report as CSV, every subtask whatever the filter on screen, read page by page. */
export function DownloadReport({ task }: { task: BatchTask }) {
  const { t, i18n } = useLingui();
  const [reading, setReading] = useState<Reading>({ state: 'idle' });
  const download = async () => {
    setReading({ state: 'reading', read: 0, count: task.task_progress.total });
    try {
      const details = await readWholeTaskReport(task.task_id, (read, count) => setReading({ state: 'reading', read, count }));
      const rows = details.map((d) => [d.target, i18n._(DETAIL_STATUS_LABELS[d.status]), d.error?.error_code, d.error?.error_msg]);
      downloadText(`${task.task_name}-${task.task_id}.csv`, toCsv(['device_id', 'result', 'error_code', 'reason'], rows));
      setReading({ state: 'idle' });
    } catch (error) {
      setReading({ state: 'failed', error });
    }
  };
  const readingWords = (done: number, of: number) => {
    const read = formatCount(done);
    const count = formatCount(of);
    return t`Reading ${read} of ${count}…`;
  };
  const reason = reading.state === 'failed' ? describeError(reading.error) : '';
  return (
    <div className="task-download">
      <button type="button" className="button" onClick={() => void download()} disabled={reading.state === 'reading'}>
        <Trans>Download CSV</Trans>
      </button>
      <span className="cell-muted" role="status">
        {reading.state === 'reading' && readingWords(reading.read, reading.count)}
      </span>
      {reading.state === 'failed' && (
        <span className="field-error" role="alert">
          <Trans>The report could not be read: {reason}</Trans>
        </span>
      )}
    </div>
  );
}
