import { finished } from 'node:stream/promises';
import { CompiledQuery, type Transaction } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../schema';

/** A value in COPY's text format: `\N` for NULL, and a backslash before what would end the field or the row. */
function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text = String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!) : text;
}

/**
 * PostgreSQL: rows stored with `COPY … FROM STDIN` (pg-copy-streams), in the transaction's own
 * connection: the query builder hands its query to pg's client as it is, and pg runs an object
 * with a `submit` method as a query of its own, here the COPY stream. The columns are those of
 * the first row.
 */
export async function copyRows(trx: Transaction<Database>, table: string, rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  let text = '';
  for (const row of rows as ReadonlyArray<Record<string, unknown>>) {
    let line = '';
    for (let i = 0; i < columns.length; i++) line += (i === 0 ? '' : '\t') + copyText(row[columns[i]!]);
    text += `${line}\n`;
  }
  const stream = copyFrom(`COPY "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`);
  const done = finished(stream);
  await trx.executeQuery(CompiledQuery.raw(stream as unknown as string));
  stream.end(text);
  await done;
}
