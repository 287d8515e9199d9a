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
  const [reading, setReading] = useState<Reading>({ state: 'idle' });
  const download = async () => {
    setReading({ state: 'reading', read: 0, count: task.task_progress.total });
    try {
      const details = await readWholeTaskReport(task.task_id, (read, count) => setReading({ state: 'reading', read, count }));
      const rows = details.map((d) => [d.target, DETAIL_STATUS_LABELS[d.status], d.error?.error_code, d.error?.error_msg]);
      downloadText(`${task.task_name}-${task.task_id}.csv`, toCsv(['device_id', 'result', 'error_code', 'reason'], rows));
      setReading({ state: 'idle' });
    } catch (error) {
      setReading({ state: 'failed', error });
    }
  };
  return (
    <div className="task-download">
      <button type="button" className="button" onClick={() => void download()} disabled={reading.state === 'reading'}>
        Download CSV
      </button>
      <span className="cell-muted" role="status">
        {reading.state === 'reading' && `Reading ${formatCount(reading.read)} of ${formatCount(reading.count)}…`}
      </span>
      {reading.state === 'failed' && (
        <span className="field-error" role="alert">
          The report could not be read: {describeError(reading.error)}
        </span>
      )}
    </div>
  );
}
