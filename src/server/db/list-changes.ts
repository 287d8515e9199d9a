import { sql, type Kysely } from 'kysely';
import type { DialectName } from './dialect';
import type { Database } from './schema';

type Db = Kysely<Database>;

/**
 * Where a reader of the list's change log stands, and how it finds what changed since: SQLite's
 * numbered log (0009), PostgreSQL's log by transaction (0016). The list index (device-list/) reads
 * through it on either engine.
 */
export interface ListChangeLog {
  /** The point a reader reaches by reading now; taken before the reads it marks. */
  now: (db: Db) => Promise<string>;
  /** Whether nothing can have changed between two points, without asking the database. */
  same: (before: string, now: string) => boolean;
  /** The devices changed since `since` (some seen before may come again: reading them twice is harmless). */
  changedSince: (db: Db, since: string) => Promise<number[]>;
}

/** SQLite: the number of the latest entry of 0009's change log (0 when empty), the point its readers catch up from. */
export async function latestListChange(db: Db): Promise<number> {
  const { seq } = await db
    .selectFrom('device_list_changes')
    .select((eb) => eb.fn.coalesce(eb.fn.max('seq'), eb.lit(0)).as('seq'))
    .executeTakeFirstOrThrow();
  return seq;
}

/** SQLite: one writer at a time numbers changes in commit order, so the latest number says where the log stands. */
const sqliteLog: ListChangeLog = {
  now: async (db) => String(await latestListChange(db)),
  same: (before, now) => before === now,
  changedSince: async (db, since) => {
    const rows = await db.selectFrom('device_list_changes').select('device_id').where('seq', '>', Number(since)).execute();
    return rows.map((row) => row.device_id);
  },
};

/**
 * PostgreSQL: the oldest transaction the reader's snapshot does not yet see (xmin). Any change it
 * missed was made by a transaction at or past that point, committed or not, so the next reader
 * looks from there; with commits in any order nothing is skipped (0016).
 */
const postgresLog: ListChangeLog = {
  now: async (db) => {
    const { rows } = await sql<{ xmin: string }>`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`.execute(db);
    return rows[0]!.xmin;
  },
  // A transaction may commit while xmin stays put (an older one is still open): only the log can tell.
  same: () => false,
  changedSince: async (db, since) => {
    const rows = await db.selectFrom('device_list_commits').select('device_id').where('xid', '>=', sql<string>`${since}::xid8`).execute();
    return rows.map((row) => row.device_id);
  },
};

export const listChangeLog = (dialect: DialectName): ListChangeLog => (dialect === 'postgres' ? postgresLog : sqliteLog);
