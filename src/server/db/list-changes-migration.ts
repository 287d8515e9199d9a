import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from './connect';

/** The device columns the list filters and sorts on: a change to any of them is a change of the list. */
export const LISTED_COLUMNS = [
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
      const columns = sql.raw(LISTED_COLUMNS.map((c) => `"${c}"`).join(', '));
      await sql`CREATE TRIGGER device_list_changes_insert AFTER INSERT ON devices BEGIN ${note('new.id')} END`.execute(db);
      await sql`CREATE TRIGGER device_list_changes_update AFTER UPDATE OF ${columns} ON devices BEGIN ${note('new.id')} END`.execute(db);
      await sql`CREATE TRIGGER device_list_changes_delete AFTER DELETE ON devices BEGIN ${note('old.id')} END`.execute(db);
      await sql`CREATE TRIGGER device_list_changes_tag_insert AFTER INSERT ON device_tags BEGIN ${note('new.device_id')} END`.execute(db);
      await sql`CREATE TRIGGER device_list_changes_tag_delete AFTER DELETE ON device_tags BEGIN ${note('old.device_id')} END`.execute(db);
      await sql`CREATE TRIGGER device_list_changes_tag_update AFTER UPDATE ON device_tags BEGIN ${note('old.device_id')} ${note('new.device_id')} END`.execute(db);
    },
  };
}
/* eslint-enable @typescript-eslint/no-explicit-any */
