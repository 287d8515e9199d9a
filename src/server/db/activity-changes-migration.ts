import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { DialectName } from './dialect';
import { STREAMED_COLUMNS } from './live-console-migration';

/**
 * A change of a device's state, not of its last activity alone: the columns the stream sends
 * whole. A reporting device only moves `last_active_time`, and that is most of a live fleet's
 * changes, so the stream sends those as the time alone (DESIGN.md "Live console").
 */
const STATE_COLUMNS = STREAMED_COLUMNS.filter((c) => c !== 'last_active_time');

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as it is */

/**
 * SQLite: each device's entry also keeps `state_seq`, the number of its latest change of state
 * (NULL: this entry's own `seq`). A reader that last read up to N sees an entry past N as a
 * change of activity alone when its state_seq is N or less. The state trigger no longer fires
 * on `last_active_time`; the activity trigger bumps the entry and keeps its state_seq. One
 * UPDATE that sets both fires both, and either order leaves a state change past N.
 */
async function sqliteUp(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE device_list_changes ADD COLUMN state_seq integer`.execute(db);
  await sql`DROP TRIGGER device_list_changes_update`.execute(db);
  const state = sql.raw(STATE_COLUMNS.map((c) => `"${c}"`).join(', '));
  await sql`CREATE TRIGGER device_list_changes_update AFTER UPDATE OF ${state} ON devices BEGIN
    INSERT OR REPLACE INTO device_list_changes (device_id, seq, workspace_id) SELECT new.id, ifnull(max(seq), 0) + 1, new.workspace_id FROM device_list_changes;
  END`.execute(db);
  await sql`CREATE TRIGGER device_list_changes_activity AFTER UPDATE OF last_active_time ON devices BEGIN
    INSERT OR REPLACE INTO device_list_changes (device_id, seq, workspace_id, state_seq)
      SELECT new.id, ifnull(max(seq), 0) + 1, new.workspace_id,
        ifnull((SELECT ifnull(state_seq, seq) FROM device_list_changes WHERE device_id = new.id), 0)
      FROM device_list_changes;
  END`.execute(db);
}

/**
 * PostgreSQL: an update that leaves every state column as it was notifies `{workspace} {id} a`,
 * a change of activity alone; any other change notifies `{workspace} {id}` as before.
 */
async function postgresUp(db: Kysely<any>): Promise<void> {
  const row = (r: 'NEW' | 'OLD') => sql.raw(`ROW(${STATE_COLUMNS.map((c) => `${r}."${c}"`).join(', ')})`);
  await sql`CREATE OR REPLACE FUNCTION device_changes_notify() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('device_changes', OLD.workspace_id || ' ' || OLD.id);
      ELSIF TG_OP = 'UPDATE' AND ${row('NEW')} IS NOT DISTINCT FROM ${row('OLD')} THEN
        PERFORM pg_notify('device_changes', NEW.workspace_id || ' ' || NEW.id || ' a');
      ELSE
        PERFORM pg_notify('device_changes', NEW.workspace_id || ' ' || NEW.id);
      END IF;
      RETURN NULL;
    END $$`.execute(db);
}

export function activityChanges(dialect: DialectName): Migration {
  return { up: (db: Kysely<any>) => (dialect === 'sqlite' ? sqliteUp(db) : postgresUp(db)) };
}
/* eslint-enable @typescript-eslint/no-explicit-any */
