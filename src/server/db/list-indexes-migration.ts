import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { DialectName } from './dialect';

/** The columns the list filters on (node_id and tags aside): carried in every sort index so a filtered walk never reads the table. */
const FILTER_COLUMNS = ['online_status', 'status', 'frozen', 'node_type', 'product_id', 'created_datetime', 'device_name'] as const;

/** The list's indexes of 0001 (one a sort field, and product_id), by the column after the workspace. */
const SORT_INDEXES: Array<[string, string]> = [
  ['devices_ws_id', 'id'],
  ['devices_ws_name', 'device_name'],
  ['devices_ws_node', 'node_id'],
  ['devices_ws_online', 'online_status'],
  ['devices_ws_status', 'status'],
  ['devices_ws_type', 'node_type'],
  ['devices_ws_frozen', 'frozen'],
  ['devices_ws_product', 'product_id'],
  ['devices_ws_created', 'created_datetime'],
  ['devices_ws_updated', 'last_updated_datetime'],
  ['devices_ws_active', 'last_active_time'],
];

/**
 * Narrow twins for queries that read every entry or probe many: a count, a substring test over all
 * names, a tag's devices checked against the workspace. Fewer pages to read: 7 ms down to 5.
 */
const NARROW_INDEXES: Array<[string, string[]]> = [
  ['devices_ws_key', ['workspace_id', 'id']],
  ['devices_ws_name_only', ['workspace_id', 'device_name']],
];

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as it is */

/**
 * Measured at 100,000 devices (bench/): a filter on one column with a sort on another walked the
 * sort index and read every row from the table to test the filter, 50 ms and more per page.
 * With the filter columns inside each sort index the walk is index-only: about 2 ms. The price is
 * paid by writes: a status change rewrites an entry in each index (force-offline of 5,000 devices:
 * 84 ms of CPU before, 240 ms after), a good trade for a console that reads far more than it writes.
 */
export const coveringListIndexes: Migration = {
  async up(db: Kysely<any>) {
    for (const [name, sortColumn] of SORT_INDEXES) {
      const columns = ['workspace_id', sortColumn, ...(sortColumn === 'id' ? [] : ['id']), ...FILTER_COLUMNS.filter((c) => c !== sortColumn)];
      await db.schema.dropIndex(name).execute();
      await db.schema.createIndex(name).on('devices').columns(columns).execute();
    }
    for (const [name, columns] of NARROW_INDEXES) await db.schema.createIndex(name).on('devices').columns(columns).execute();
  },
};

/** The indexes of 0002 led by a filter that most devices fail (disabled, frozen), and the sort columns they lacked. */
const RARE_FILTER_INDEXES: Array<[string, string]> = [
  ['devices_ws_status', 'status'],
  ['devices_ws_frozen', 'frozen'],
];
const SORT_ONLY_COLUMNS = ['node_id', 'last_updated_datetime', 'last_active_time'] as const;

/**
 * SQLite only: the indexes of the rare filters also carry the sort columns they lacked, so their
 * pages can be gathered from them and sorted, index-only, instead of walking a sort index past every
 * device that does not match (0010 drops them: the list is answered from memory since 0009). Only
 * these two: a status change rewrites every entry it widens. At 100,000 devices, force-offline of 9,230 of them took 2.41 s before and 2.74 s
 * with all five filter indexes widened (medians of three rounds); 2.70 s before and 2.79 s with these
 * two (five rounds each, within the rounds' spread).
 */
export function rareFilterIndexesWithSortColumns(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      if (dialect !== 'sqlite') return;
      for (const [name, filterColumn] of RARE_FILTER_INDEXES) {
        const columns = ['workspace_id', filterColumn, 'id', ...FILTER_COLUMNS.filter((c) => c !== filterColumn), ...SORT_ONLY_COLUMNS];
        await db.schema.dropIndex(name).execute();
        await db.schema.createIndex(name).on('devices').columns(columns).execute();
      }
    },
  };
}

/**
 * SQLite only: an FTS5 trigram index of device names, kept in step with `devices` by triggers, for
 * name-search.ts. PostgreSQL keeps its ILIKE scan (pg_trgm would be this index's twin there).
 * Replaced by 0006's index of folded names.
 */
export function nameTrigrams(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      if (dialect !== 'sqlite') return;
      const t = sql.table('device_name_trigrams');
      await sql`CREATE VIRTUAL TABLE ${t} USING fts5(device_name, content='devices', content_rowid='id', tokenize='trigram')`.execute(db);
      await sql`CREATE TRIGGER device_name_trigrams_insert AFTER INSERT ON devices BEGIN
        INSERT INTO ${t}(rowid, device_name) VALUES (new.id, new.device_name);
      END`.execute(db);
      await sql`CREATE TRIGGER device_name_trigrams_delete AFTER DELETE ON devices BEGIN
        INSERT INTO ${t}(${t}, rowid, device_name) VALUES ('delete', old.id, old.device_name);
      END`.execute(db);
      await sql`CREATE TRIGGER device_name_trigrams_update AFTER UPDATE OF device_name ON devices BEGIN
        INSERT INTO ${t}(${t}, rowid, device_name) VALUES ('delete', old.id, old.device_name);
        INSERT INTO ${t}(rowid, device_name) VALUES (new.id, new.device_name);
      END`.execute(db);
      await sql`INSERT INTO ${t}(${t}) VALUES ('rebuild')`.execute(db);
    },
  };
}

/** The SQLite table of folded device-name trigrams (FTS5): which devices contain a substring, without reading every name. */
export const NAME_TRIGRAMS = 'device_name_folds';

/**
 * SQLite only: 0003's index, rebuilt over each name as LIKE compares it (lower(), which folds ASCII
 * letters only) and matched case-sensitively, so a substring of three characters or more matches
 * exactly the names LIKE matches, and the index's count is the search's count. 0003's index folded
 * case by Unicode (a Kelvin sign matched "k"), so it could only propose candidates for LIKE to test.
 * Contentless: the index keeps no copy of the names, and deletes by rowid.
 */
export function foldedNameTrigrams(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      if (dialect !== 'sqlite') return;
      for (const trigger of ['insert', 'delete', 'update']) await sql`DROP TRIGGER ${sql.raw(`device_name_trigrams_${trigger}`)}`.execute(db);
      await sql`DROP TABLE device_name_trigrams`.execute(db);
      const t = sql.table(NAME_TRIGRAMS);
      await sql`CREATE VIRTUAL TABLE ${t} USING fts5(device_name, content='', contentless_delete=1, tokenize='trigram case_sensitive 1')`.execute(db);
      await sql`CREATE TRIGGER device_name_folds_insert AFTER INSERT ON devices BEGIN
        INSERT INTO ${t}(rowid, device_name) VALUES (new.id, lower(new.device_name));
      END`.execute(db);
      await sql`CREATE TRIGGER device_name_folds_delete AFTER DELETE ON devices BEGIN
        DELETE FROM ${t} WHERE rowid = old.id;
      END`.execute(db);
      await sql`CREATE TRIGGER device_name_folds_update AFTER UPDATE OF device_name ON devices BEGIN
        DELETE FROM ${t} WHERE rowid = old.id;
        INSERT INTO ${t}(rowid, device_name) VALUES (new.id, lower(new.device_name));
      END`.execute(db);
      await sql`INSERT INTO ${t}(rowid, device_name) SELECT id, lower(device_name) FROM devices`.execute(db);
    },
  };
}
/* eslint-enable @typescript-eslint/no-explicit-any */
