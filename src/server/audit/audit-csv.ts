import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { AUDIT_CSV_COLUMNS, type AuditRecord } from '@/contracts/operators';

// A leading =, +, - or @ is prefixed so that a spreadsheet never runs a cell as a formula (OWASP "CSV injection").
const neutral = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

function cell(value: AuditRecord[keyof AuditRecord]): string {
  if (value === null) return '';
  return neutral(typeof value === 'object' ? JSON.stringify(value) : String(value));
}

/** The records as RFC 4180 CSV with a header row, streamed as they are read. */
export function auditCsv(records: AsyncIterable<AuditRecord>): Readable {
  const rows = Readable.from(
    (async function* () {
      for await (const record of records) yield AUDIT_CSV_COLUMNS.map((column) => cell(record[column]));
    })(),
  );
  return rows.pipe(stringify({ header: true, columns: [...AUDIT_CSV_COLUMNS], record_delimiter: 'windows' }));
}
