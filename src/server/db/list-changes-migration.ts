import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { DialectName } from './dialect';

/** The device columns the list filters and sorts on, as of this migration: a change to any of them is a change of the list. */
export const LISTED_COLUMNS_0009 = [
  'workspace_id',
  'product_id',
  'node_type',
  'online_status',
  'status',
  'frozen',
  'parent_device_id',
  'created_datetime',
  'last_updated_datetime',
  'last_active_time',
  'node_id',
  'device_name',
] as const;

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as it is */

/**
 * SQLite only: the latest change of each device's listed columns or tags, numbered in commit order
 * (one writer at a time), so the service's list index (db/device-list/) reads only what changed
 * since it last looked. One row per device: the table never grows past the fleet.
 */
export function deviceListChanges(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      if (dialect !== 'sqlite') return;
      await sql`CREATE TABLE device_list_changes (device_id integer PRIMARY KEY, seq integer NOT NULL)`.execute(db);
      await sql`CREATE INDEX device_list_changes_seq ON device_list_changes (seq)`.execute(db);
      const note = (id: string) =>
        sql.raw(`INSERT OR REPLACE INTO device_list_changes (device_id, seq) SELECT ${id}, ifnull(max(seq), 0) + 1 FROM device_list_changes;`);
      const columns = sql.raw(LISTED_COLUMNS_0009.map((c) => `"${c}"`).join(', '));
      await sql`CREATE TRIGGER device_list_changes_insert AFTER INSERT ON devices BEGIN ${note('new.id')} END`.execute(db);
      await sql`CREATE TRIGGER device_list_changes_update AFTER UPDATE OF ${columns} ON devices BEGIN ${note('new.id')} END`.execute(db);
      await sql`CREATE TRIGGER device_list_changes_delete AFTER DELETE ON devices BEGIN ${note('old.id')} END`.execute(db);
      await sql`CREATE TRIGGER device_list_changes_tag_insert AFTER INSERT ON device_tags BEGIN ${note('new.device_id')} END`.execute(db);
      await sql`CREATE TRIGGER device_list_changes_tag_delete AFTER DELETE ON device_tags BEGIN ${note('old.device_id')} END`.execute(db);
      await sql`CREATE TRIGGER device_list_changes_tag_update AFTER UPDATE ON device_tags BEGIN ${note('old.device_id')} ${note('new.device_id')} END`.execute(db);
    },
  };
}

/** What SQLite kept only so that SQL could list, count and search devices quickly (0002-0008). */
export const REPLACED = {
  triggers: [
    'device_counts_insert',
    'device_counts_delete',
    'device_counts_update',
    'device_tag_counts_tag_insert',
    'device_tag_counts_tag_delete',
    'device_tag_counts_tag_update',
    'device_tag_counts_device_delete',
    'device_tag_counts_device_update',
    'device_name_folds_insert',
    'device_name_folds_delete',
    'device_name_folds_update',
    'device_name_pairs_insert',
    'device_name_pairs_delete',
    'device_name_pairs_update',
  ],
  tables: ['device_counts', 'device_tag_counts', 'device_name_folds', 'device_name_pair_counts', 'name_positions'],
  indexes: [
    'devices_ws_id',
    'devices_ws_name',
    'devices_ws_node',
    'devices_ws_online',
    'devices_ws_status',
    'devices_ws_type',
    'devices_ws_frozen',
    'devices_ws_product',
    'devices_ws_created',
    'devices_ws_updated',
    'devices_ws_active',
    'devices_ws_key',
    'devices_ws_name_only',
  ],
};

/**
 * SQLite only: with the list and the summary answered from the list index (0009), nothing reads
 * the covering sort indexes, the counts, the trigram index or the pair counts any more; every write
 * still paid for them (a status change rewrote an entry in thirteen indexes). Lookups keep the
 * unique indexes, and deleting a gateway keeps devices_parent. PostgreSQL keeps its indexes: it
 * lists with SQL. (A device's tags still go with it: their foreign key cascades.)
 */
export function dropStructuresTheListIndexReplaced(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      if (dialect !== 'sqlite') return;
      for (const trigger of REPLACED.triggers) await sql`DROP TRIGGER ${sql.id(trigger)}`.execute(db);
      for (const table of REPLACED.tables) await sql`DROP TABLE ${sql.table(table)}`.execute(db);
      for (const index of REPLACED.indexes) await sql`DROP INDEX ${sql.id(index)}`.execute(db);
    },
  };
}
/* eslint-enable @typescript-eslint/no-explicit-any */
