import { useId, useState } from 'react';
import { countOutcomes, OUTCOME_LABELS, type BulkResult } from '@/web/components/bulk-result';
import { downloadText, toCsv } from '@/web/lib/csv';
import { formatCount } from '@/web/lib/format';
import '@/web/components/bulk-result-report.css';

interface BulkResultReportProps {
  results: readonly BulkResult[];
  /** The action in the past tense, for the headline: "brought offline", "frozen". */
  doneLabel: string;
  /** File name of the CSV export, without extension. */
  fileName: string;
}

type View = 'problems' | 'succeeded' | 'all';

// Rendering is capped so a 100,000-device report opens at once; the CSV always has every row.
const SHOWN_MAX = 300;

/** A per-device report of a bulk action: counts, the list by outcome with reasons, and CSV export. */
export function BulkResultReport({ results, doneLabel, fileName }: BulkResultReportProps) {
  const counts = countOutcomes(results);
  const problems = counts.failed + counts.skipped;
  const [view, setView] = useState<View>(problems > 0 ? 'problems' : 'all');
  const groupName = useId();
  const visible = results.filter((r) => (view === 'all' ? true : view === 'succeeded' ? r.outcome === 'succeeded' : r.outcome !== 'succeeded'));
  const shown = visible.slice(0, SHOWN_MAX);

  const exportCsv = () => {
    const rows = results.map((r) => [r.id, r.name, OUTCOME_LABELS[r.outcome], r.code, r.reason, r.requestId]);
    downloadText(`${fileName}.csv`, toCsv(['device_id', 'device_name', 'outcome', 'error_code', 'reason', 'request_id'], rows));
  };
  const choices: Array<[View, string]> = [
    ['problems', `Failed or not attempted (${formatCount(problems)})`],
    ['succeeded', `Succeeded (${formatCount(counts.succeeded)})`],
    ['all', `All (${formatCount(results.length)})`],
  ];

  return (
    <div className="bulk-report">
      <p className="bulk-report-headline" role="status">
        <strong>{formatCount(counts.succeeded)}</strong> {doneLabel}, <strong>{formatCount(counts.failed)}</strong> failed
        {counts.skipped > 0 && (
          <>
            , <strong>{formatCount(counts.skipped)}</strong> not attempted
          </>
        )}
        .
      </p>
      <div className="bulk-report-tools">
        <fieldset className="segmented">
          <legend className="visually-hidden">Show</legend>
          {choices.map(([value, label]) => (
            <label key={value} className="segment">
              <input type="radio" name={groupName} value={value} checked={view === value} onChange={() => setView(value)} />
              {label}
            </label>
          ))}
        </fieldset>
        <button type="button" className="button" onClick={exportCsv}>
          Download CSV
        </button>
      </div>
      {shown.length === 0 ? (
        <p className="bulk-report-empty">Nothing to show here.</p>
      ) : (
        // A scrollable region of plain text must take focus to scroll by keyboard (axe: scrollable-region-focusable).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        <div className="bulk-report-scroll" role="region" aria-label="Result per device" tabIndex={0}>
          <table className="bulk-report-table">
            <caption className="visually-hidden">Result per device</caption>
            <thead>
              <tr>
                <th scope="col">Device</th>
                <th scope="col">ID</th>
                <th scope="col">Result</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.id}>
                  <td>{r.name}</td>
                  <td className="mono">{r.id}</td>
                  <td>
                    <span className={`outcome outcome-${r.outcome}`}>{OUTCOME_LABELS[r.outcome]}</span>
                  </td>
                  <td className="bulk-report-reason">
                    {r.reason ?? '—'}
                    {r.code && <span className="cell-muted"> ({r.code})</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {visible.length > shown.length && (
        <p className="cell-muted">
          Showing {formatCount(shown.length)} of {formatCount(visible.length)}. Download the CSV for every device.
        </p>
      )}
    </div>
  );
}
