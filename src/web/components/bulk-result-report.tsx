import { Trans, useLingui } from '@lingui/react/macro';
import { useId, useState } from 'react';
import { countOutcomes, OUTCOME_LABELS, type BulkResult } from '@/web/components/bulk-result';
import { downloadText, toCsv } from '@/web/lib/csv';
import { formatCount } from '@/web/lib/format';
import '@/web/components/bulk-result-report.css';

interface BulkResultReportProps {
  results: readonly BulkResult[];
  /** The action in the past tense, translated, for the headline: "brought offline", "frozen". */
  doneLabel: string;
  /** File name of the CSV export, without extension. */
  fileName: string;
}

type View = 'problems' | 'succeeded' | 'all';

// Rendering is capped so a 100,000-device report opens at once; the CSV always has every row.
const SHOWN_MAX = 300;

/** A per-device report of a bulk action: counts, the list by outcome with reasons, and CSV export. */
export function BulkResultReport({ results, doneLabel, fileName }: BulkResultReportProps) {
  const { t, i18n } = useLingui();
  const counts = countOutcomes(results);
  const problems = counts.failed + counts.skipped;
  const [view, setView] = useState<View>(problems > 0 ? 'problems' : 'all');
  const groupName = useId();
  const visible = results.filter((r) => (view === 'all' ? true : view === 'succeeded' ? r.outcome === 'succeeded' : r.outcome !== 'succeeded'));
  const shown = visible.slice(0, SHOWN_MAX);

  const exportCsv = () => {
    // The columns are named for scripts; the outcome reads in the operator's language, as on screen.
    const rows = results.map((r) => [r.id, r.name, i18n._(OUTCOME_LABELS[r.outcome]), r.code, r.reason, r.requestId]);
    downloadText(`${fileName}.csv`, toCsv(['device_id', 'device_name', 'outcome', 'error_code', 'reason', 'request_id'], rows));
  };
  const problemCount = formatCount(problems);
  const succeededCount = formatCount(counts.succeeded);
  const failedCount = formatCount(counts.failed);
  const skippedCount = formatCount(counts.skipped);
  const allCount = formatCount(results.length);
  const shownCount = formatCount(shown.length);
  const visibleCount = formatCount(visible.length);
  const choices: Array<[View, string]> = [
    ['problems', t`Failed or not attempted (${problemCount})`],
    ['succeeded', t`Succeeded (${succeededCount})`],
    ['all', t`All (${allCount})`],
  ];

  return (
    <div className="bulk-report">
      <p className="bulk-report-headline" role="status">
        {counts.skipped > 0 ? (
          <Trans>
            <strong>{succeededCount}</strong> {doneLabel}, <strong>{failedCount}</strong> failed, <strong>{skippedCount}</strong> not attempted.
          </Trans>
        ) : (
          <Trans>
            <strong>{succeededCount}</strong> {doneLabel}, <strong>{failedCount}</strong> failed.
          </Trans>
        )}
      </p>
      <div className="bulk-report-tools">
        <fieldset className="segmented">
          <legend className="visually-hidden">
            <Trans>Show</Trans>
          </legend>
          {choices.map(([value, label]) => (
            <label key={value} className="segment">
              <input type="radio" name={groupName} value={value} checked={view === value} onChange={() => setView(value)} />
              {label}
            </label>
          ))}
        </fieldset>
        <button type="button" className="button" onClick={exportCsv}>
          <Trans>Download CSV</Trans>
        </button>
      </div>
      {shown.length === 0 ? (
        <p className="bulk-report-empty">
          <Trans>Nothing to show here.</Trans>
        </p>
      ) : (
        // A scrollable region of plain text must take focus to scroll by keyboard (axe: scrollable-region-focusable).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        <div className="bulk-report-scroll" role="region" aria-label={t`Result per device`} tabIndex={0}>
          <table className="bulk-report-table">
            <caption className="visually-hidden">
              <Trans>Result per device</Trans>
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <Trans>Device</Trans>
                </th>
                <th scope="col">
                  <Trans>ID</Trans>
                </th>
                <th scope="col">
                  <Trans>Result</Trans>
                </th>
                <th scope="col">
                  <Trans>Reason</Trans>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.id}>
                  <td>{r.name}</td>
                  <td className="mono">{r.id}</td>
                  <td>
                    <span className={`outcome outcome-${r.outcome}`}>{i18n._(OUTCOME_LABELS[r.outcome])}</span>
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
          <Trans>
            Showing {shownCount} of {visibleCount}. Download the CSV for every device.
          </Trans>
        </p>
      )}
    </div>
  );
}
