import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { DialectName } from './dialect';
import { LISTED_COLUMNS_0009 } from './list-changes-migration';

/**
 * What a change of the live console (DESIGN.md "Live console") is a change of: the listed columns
 * of 0009, and what a device's state shows besides (its session's address and login time).
 */
export const STREAMED_COLUMNS = [...LISTED_COLUMNS_0009, 'connected', 'client_ip', 'last_login_datetime'] as const;

const TRIGGERS = ['insert', 'update', 'delete', 'tag_insert', 'tag_delete', 'tag_update'].map((t) => `device_list_changes_${t}`);

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as it is */

/** SQLite: 0009's change log says whose device changed, so the event stream can tell each workspace its own. */
async function sqliteUp(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE device_list_changes ADD COLUMN workspace_id text`.execute(db);
  for (const trigger of TRIGGERS) await sql`DROP TRIGGER ${sql.id(trigger)}`.execute(db);
  // A tag's device may be gone already (its tags go by cascade): the workspace noted with its deletion stays.
  const workspaceOf = (id: string) =>
    `COALESCE((SELECT workspace_id FROM devices WHERE id = ${id}), (SELECT workspace_id FROM device_list_changes WHERE device_id = ${id}))`;
  const note = (id: string, workspace: string) =>
    sql.raw(`INSERT OR REPLACE INTO device_list_changes (device_id, seq, workspace_id) SELECT ${id}, ifnull(max(seq), 0) + 1, ${workspace} FROM device_list_changes;`);
  const columns = sql.raw(STREAMED_COLUMNS.map((c) => `"${c}"`).join(', '));
  await sql`CREATE TRIGGER device_list_changes_insert AFTER INSERT ON devices BEGIN ${note('new.id', 'new.workspace_id')} END`.execute(db);
  await sql`CREATE TRIGGER device_list_changes_update AFTER UPDATE OF ${columns} ON devices BEGIN ${note('new.id', 'new.workspace_id')} END`.execute(db);
  await sql`CREATE TRIGGER device_list_changes_delete AFTER DELETE ON devices BEGIN ${note('old.id', 'old.workspace_id')} END`.execute(db);
  const tagNote = (row: 'new' | 'old') => note(`${row}.device_id`, workspaceOf(`${row}.device_id`));
  await sql`CREATE TRIGGER device_list_changes_tag_insert AFTER INSERT ON device_tags BEGIN ${tagNote('new')} END`.execute(db);
  await sql`CREATE TRIGGER device_list_changes_tag_delete AFTER DELETE ON device_tags BEGIN ${tagNote('old')} END`.execute(db);
  await sql`CREATE TRIGGER device_list_changes_tag_update AFTER UPDATE ON device_tags BEGIN ${tagNote('old')} ${tagNote('new')} END`.execute(db);
  await sql`UPDATE device_list_changes SET workspace_id = (SELECT workspace_id FROM devices WHERE devices.id = device_list_changes.device_id)`.execute(db);
}

/**
 * PostgreSQL: each committed change of a device is a notification `{workspace} {device id}` on
 * channel `device_changes`, delivered at commit to every listening replica. PostgreSQL folds
 * identical notifications of one transaction into one.
 */
async function postgresUp(db: Kysely<any>): Promise<void> {
  await sql`CREATE FUNCTION device_changes_notify() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('device_changes', OLD.workspace_id || ' ' || OLD.id);
      ELSE
        PERFORM pg_notify('device_changes', NEW.workspace_id || ' ' || NEW.id);
      END IF;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE FUNCTION device_tag_changes_notify() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      changed bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.device_id ELSE NEW.device_id END;
    BEGIN
      PERFORM pg_notify('device_changes', workspace_id || ' ' || id) FROM devices WHERE id = changed;
      RETURN NULL;
    END $$`.execute(db);
  const columns = sql.raw(STREAMED_COLUMNS.map((c) => `"${c}"`).join(', '));
  await sql`CREATE TRIGGER devices_notify AFTER INSERT OR DELETE OR UPDATE OF ${columns} ON devices FOR EACH ROW EXECUTE FUNCTION device_changes_notify()`.execute(db);
  await sql`CREATE TRIGGER device_tags_notify AFTER INSERT OR DELETE OR UPDATE ON device_tags FOR EACH ROW EXECUTE FUNCTION device_tag_changes_notify()`.execute(db);
}

export function liveConsole(dialect: DialectName): Migration {
  return { up: (db: Kysely<any>) => (dialect === 'sqlite' ? sqliteUp(db) : postgresUp(db)) };
}
/* eslint-enable @typescript-eslint/no-explicit-any */
