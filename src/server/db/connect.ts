import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type LogConfig } from 'kysely';
import pg from 'pg';
import type { DataVersion } from '../cache/versioned-cache';
import { DeviceListIndex } from './device-list/device-list-index';
import { NotifiedDataVersion } from './notified-data-version';
import { postgresTellingWrites } from './postgres-dialect';
import { preparingPool } from './postgres-prepared';
import { withPreparedStatements } from './prepared-statements';
import type { DialectName } from './dialect';
import type { Database } from './schema';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  /** PostgreSQL: where it is, for the connection that listens for changes (events/). */
  databaseUrl?: string;
  /**
   * Differs whenever the database may have changed: SQLite tells it exactly; on PostgreSQL another
   * replica's commit counts once its notification arrives (notified-data-version.ts).
   */
  dataVersion?: DataVersion;
  /** The device list answered from memory (device-list/). */
  listIndex: DeviceListIndex;
  close: () => Promise<void>;
}

export interface DatabaseConfig {
  /** `postgres://…` puts the service on PostgreSQL; otherwise SQLite at `sqlitePath`. */
  databaseUrl?: string | undefined;
  /** A file path, or `:memory:` for tests. */
  sqlitePath?: string;
  /** Told every query as sent, after it ran (tests that check what the service asks the database). */
  logQuery?: (sql: string, parameters: readonly unknown[]) => void;
  /** PostgreSQL: told when the connection listening for changes fails; nothing is kept until it listens again. */
  onListenError?: (error: unknown) => void;
}

// int8 (COUNT, BIGINT ids and millisecond timestamps) would otherwise arrive as strings;
// every value we store stays below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

/**
 * Changes through this connection (`total_changes()`, which counts rows and never goes back, even
 * on rollback) and commits by any other connection or process (`PRAGMA data_version`). Read
 * synchronously, outside Kysely's queue: it costs microseconds and needs no connection of its own.
 */
function sqliteDataVersion(sqlite: SQLite.Database): DataVersion {
  const ownChanges = sqlite.prepare('SELECT total_changes()').pluck();
  const othersCommits = sqlite.prepare('PRAGMA data_version').pluck();
  return () => `${String(othersCommits.get())}:${String(ownChanges.get())}`;
}

const queryLog = ({ logQuery }: DatabaseConfig): LogConfig | undefined =>
  logQuery &&
  ((event) => {
    if (event.level === 'query') logQuery(event.query.sql, event.query.parameters);
  });

export function openDatabase(config: DatabaseConfig): DatabaseHandle {
  if (config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 10 });
    // An idle connection the server ends (a restart, or a test dropping its database) would
    // otherwise be an unhandled 'error' event that kills the process. The pool has already
    // discarded that client; the next query opens a fresh one, or fails and says why.
    pool.on('error', () => {});
    const version = new NotifiedDataVersion(config.databaseUrl, config.onListenError ?? (() => {}));
    version.listen();
    const db = new Kysely<Database>({ ...postgresTellingWrites({ pool: preparingPool(pool) }, () => version.changed()), log: queryLog(config) });
    return {
      db,
      dialect: 'postgres',
      databaseUrl: config.databaseUrl,
      dataVersion: version.current,
      listIndex: new DeviceListIndex('postgres', version.current),
      close: async () => {
        await version.close();
        await db.destroy();
      },
    };
  }
  const sqlite = new SQLite(config.sqlitePath ?? ':memory:');
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MiB of page cache instead of SQLite's 2 MiB: each list page reads its rows by id, scattered
  // over a devices table of about 100 MB at 100,000 devices. The bench's list mix in-process, p95:
  // 5.5-6.4 ms with 2 MiB, 4.2-4.9 ms with 64 MiB.
  sqlite.pragma('cache_size = -65536');
  // Checkpoint the WAL every 20,000 pages (80 MB) instead of SQLite's 1,000: a force-offline batch of
  // 1,000 devices dirties pages all over the table and checkpointed, with its fsyncs, on nearly every
  // commit. Ten such batches at 100,000 devices, in-process: 0.59-0.74 s of writes at 1,000 pages,
  // 0.36 s at 20,000. The WAL file may grow that large.
  sqlite.pragma('wal_autocheckpoint = 20000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withPreparedStatements(sqlite) }), log: queryLog(config) });
  const dataVersion = sqliteDataVersion(sqlite);
  return { db, dialect: 'sqlite', dataVersion, listIndex: new DeviceListIndex('sqlite', dataVersion), close: () => db.destroy() };
}
