import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';

export type DialectName = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  close: () => Promise<void>;
}

export interface DatabaseConfig {
  /** `postgres://…` puts the service on PostgreSQL; otherwise SQLite at `sqlitePath`. */
  databaseUrl?: string | undefined;
  /** A file path, or `:memory:` for tests. */
  sqlitePath?: string;
}

// int8 (COUNT, BIGINT ids and millisecond timestamps) would otherwise arrive as strings;
// every value we store stays below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

export function openDatabase(config: DatabaseConfig): DatabaseHandle {
  if (config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 10 });
    // An idle connection the server ends (a restart, or a test dropping its database) would
    // otherwise be an unhandled 'error' event that kills the process. The pool has already
    // discarded that client; the next query opens a fresh one, or fails and says why.
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  const sqlite = new SQLite(config.sqlitePath ?? ':memory:');
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MiB of page cache instead of SQLite's 2 MiB: the list's sort indexes at 100,000 devices are
  // about 60 MB, and a page read from the OS on every walk cost a fifth of a list call (bench/).
  sqlite.pragma('cache_size = -65536');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}
