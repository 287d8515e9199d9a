import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Distinct statements kept prepared; the service issues a few dozen shapes of query. */
const PREPARED_STATEMENTS = 256;

/** A row as Kysely expects it: each column by its name, a later column of the same name winning, as better-sqlite3 does. */
function toRow(names: readonly string[], values: readonly unknown[]): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (let i = 0; i < names.length; i++) row[names[i]!] = values[i];
  return row;
}

/**
 * A reading statement whose rows better-sqlite3 hands over as arrays, made into objects here:
 * better-sqlite3 builds each object through V8's C++ API, one property at a time, which cost more
 * than the query. At 100,000 devices, a list page's joined SELECT of 49 columns: 50 rows 1.5 ms as
 * objects, 0.9 ms as arrays made objects here; 999 rows 27 ms, 18 ms.
 */
function readingRowsAsArrays(statement: SQLite.Statement): SqliteStatement {
  statement.raw(true);
  let names = statement.columns().map((c) => c.name);
  const toObject = (values: unknown[]) => {
    // A `SELECT *` prepared before a migration added a column is re-prepared by SQLite and answers
    // the new column too: the names are read again when their count no longer fits.
    if (values.length !== names.length) names = statement.columns().map((c) => c.name);
    return toRow(names, values);
  };
  return {
    reader: true,
    all: (parameters) => (statement.all(parameters) as unknown[][]).map(toObject),
    run: (parameters) => statement.run(parameters),
    *iterate(parameters) {
      for (const values of statement.iterate(parameters) as IterableIterator<unknown[]>) yield toObject(values);
    },
  };
}

/**
 * Kysely prepares every query anew; preparing the list's joined SELECT cost more than running it
 * (0.7 ms of an answer at 100,000 devices, bench/). Statements are kept by their SQL text, which
 * holds placeholders only, and better-sqlite3 re-prepares one itself if the schema changes.
 */
export function withPreparedStatements(sqlite: SQLite.Database): SqliteDatabase {
  const prepared = new Map<string, SqliteStatement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      let statement = prepared.get(sql);
      if (statement) {
        prepared.delete(sql);
      } else {
        const fresh = sqlite.prepare(sql);
        statement = fresh.reader ? readingRowsAsArrays(fresh) : fresh;
        if (prepared.size >= PREPARED_STATEMENTS) prepared.delete(prepared.keys().next().value!);
      }
      prepared.set(sql, statement);
      return statement;
    },
  };
}
