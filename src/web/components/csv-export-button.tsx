import type { QueryValue } from '@/web/api/client';
import { formatCount, plural } from '@/web/lib/format';
import { useCsvExport } from '@/web/lib/use-csv-export';
import '@/web/components/csv-export-button.css';

interface CsvExportButtonProps {
  path: string;
  query: Record<string, QueryValue>;
  /** The file's name before its time stamp, e.g. `devices`. */
  fileName: string;
  /** What a row is, e.g. `device`. */
  noun: string;
  /** The rows to expect, where known, for the progress. */
  total: number | undefined;
}

/** "Export CSV": everything the query matches, not a page, with progress while the service streams it. */
export function CsvExportButton({ path, query, fileName, noun, total }: CsvExportButtonProps) {
  const { state, start, cancel } = useCsvExport(path, query, fileName);
  const of = total === undefined ? '' : ` of ${formatCount(total)}`;
  return (
    <div className="csv-export">
      {state.phase === 'running' ? (
        <button type="button" className="button" onClick={cancel}>
          Cancel export
        </button>
      ) : (
        <button type="button" className="button" onClick={() => void start()}>
          Export CSV
        </button>
      )}
      <span role="status" className="csv-export-status">
        {state.phase === 'running' && `Exporting… ${formatCount(state.rows)}${of} ${noun}s`}
        {state.phase === 'done' && `Exported ${plural(state.rows, noun)}.`}
      </span>
      {state.phase === 'failed' && (
        <span role="alert" className="csv-export-error">
          {state.message}
        </span>
      )}
    </div>
  );
}
