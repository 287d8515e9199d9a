import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from 'wouter';
import type { AuditRecord } from '@/contracts/operators';
import { AUDIT_ACTION_LABELS, AUDIT_RESULT_LABELS } from '@/web/components/audit-labels';
import { formatDateTimeSeconds } from '@/web/lib/format';
import '@/web/components/data-table.css';
import '@/web/components/audit-records-table.css';

const shown = (value: unknown) => (value === null || value === undefined ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value));

/** Each changed field as "name: before → after". */
function Changes({ record }: { record: AuditRecord }) {
  const fields = Object.keys({ ...record.before, ...record.after });
  if (fields.length === 0) return <span className="cell-muted">—</span>;
  return (
    <ul className="audit-changes">
      {fields.map((field) => (
        <li key={field}>
          <span className="audit-field">{field}</span> {shown(record.before?.[field])} → {shown(record.after?.[field])}
        </li>
      ))}
    </ul>
  );
}

/** Audit records, newest first: who did what to which device, the outcome and what changed. */
export function AuditRecordsTable({ records, busy, caption, showDevice = true }: { records: readonly AuditRecord[]; busy: boolean; caption: string; showDevice?: boolean }) {
  const { i18n } = useLingui();
  return (
    <div className="data-table-scroll">
      <table className="data-table audit-table" aria-busy={busy}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">
              <Trans>Time</Trans>
            </th>
            <th scope="col">
              <Trans>User</Trans>
            </th>
            <th scope="col">
              <Trans>Action</Trans>
            </th>
            {showDevice && (
              <th scope="col">
                <Trans>Device or target</Trans>
              </th>
            )}
            <th scope="col">
              <Trans>Result</Trans>
            </th>
            <th scope="col">
              <Trans>Changes</Trans>
            </th>
          </tr>
        </thead>
        <tbody>
          {records.map((record) => (
            <tr key={record.id}>
              <td className="audit-time">{formatDateTimeSeconds(Date.parse(record.at))}</td>
              <td>
                {record.user ?? (
                  <span className="cell-muted">
                    <Trans>unknown</Trans>
                  </span>
                )}
              </td>
              <td>{i18n._(AUDIT_ACTION_LABELS[record.action])}</td>
              {showDevice && <td>{record.device_id !== null ? <Link href={`/devices/${record.device_id}`}>{record.device_id}</Link> : (record.target ?? '—')}</td>}
              <td>
                <span className={`audit-result audit-result-${record.result}`}>{i18n._(AUDIT_RESULT_LABELS[record.result])}</span>
                {record.error_msg && <span className="audit-reason">{record.error_msg}</span>}
              </td>
              <td>
                <Changes record={record} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
