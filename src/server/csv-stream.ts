import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';

// A leading =, +, - or @ is prefixed so that a spreadsheet never runs a cell as a formula (OWASP "CSV injection").
const neutral = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  return neutral(typeof value === 'object' ? JSON.stringify(value) : String(value));
}

/**
 * Records as RFC 4180 CSV with a header row, written a batch at a time as they are read: memory
 * holds one batch, not the file. One write per batch, not per row: a compressed answer costs a
 * compressor call per write, and 100,000 of them took longer than reading the devices.
 */
export function csvStream<C extends string>(columns: readonly C[], batches: AsyncIterable<ReadonlyArray<Partial<Record<C, unknown>>>>): Readable {
  const options = { columns: [...columns], record_delimiter: 'windows' } as const;
  return Readable.from(
    (async function* () {
      let header = true;
      for await (const records of batches) {
        if (records.length === 0) continue;
        yield stringify(
          records.map((record) => columns.map((column) => cell(record[column]))),
          { ...options, header },
        );
        header = false;
      }
      if (header) yield `${columns.join(',')}\r\n`;
    })(),
  );
}
