import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import type { QueryValue } from '@/web/api/client';
import { formatCount } from '@/web/lib/format';
import { useCsvExport } from '@/web/lib/use-csv-export';
import '@/web/components/csv-export-button.css';

/** What the exported rows are: each has its own words (and plurals) in the catalogs. */
export type ExportNoun = 'device' | 'record';

interface CsvExportButtonProps {
  path: string;
  query: Record<string, QueryValue>;
  /** The file's name before its time stamp, e.g. `devices`. */
  fileName: string;
  /** What a row is. */
  noun: ExportNoun;
  /** The rows to expect, where known, for the progress. */
  total: number | undefined;
}

/** "Export CSV": everything the query matches, not a page, with progress while the service streams it. */
export function CsvExportButton({ path, query, fileName, noun, total }: CsvExportButtonProps) {
  const { t } = useLingui();
  const { state, start, cancel } = useCsvExport(path, query, fileName);

  let status = '';
  if (state.phase === 'running') {
    const rows = formatCount(state.rows);
    const expected = total === undefined ? undefined : formatCount(total);
    if (noun === 'device') status = expected === undefined ? t`Exporting… ${rows} devices` : t`Exporting… ${rows} of ${expected} devices`;
    else status = expected === undefined ? t`Exporting… ${rows} records` : t`Exporting… ${rows} of ${expected} records`;
  } else if (state.phase === 'done') {
    const rows = state.rows;
    status =
      noun === 'device'
        ? t`Exported ${plural(rows, { one: '# device', other: '# devices' })}.`
        : t`Exported ${plural(rows, { one: '# record', other: '# records' })}.`;
  }

  return (
    <div className="csv-export">
      {state.phase === 'running' ? (
        <button type="button" className="button" onClick={cancel}>
          <Trans>Cancel export</Trans>
        </button>
      ) : (
        <button type="button" className="button" onClick={() => void start()}>
          <Trans>Export CSV</Trans>
        </button>
      )}
      <span role="status" className="csv-export-status">
        {status}
      </span>
      {state.phase === 'failed' && (
        <span role="alert" className="csv-export-error">
          {state.message}
        </span>
      )}
    </div>
  );
}
