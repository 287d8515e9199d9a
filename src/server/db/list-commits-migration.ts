import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { DialectName } from './dialect';
import { LISTED_COLUMNS_0009 } from './list-changes-migration';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as it is */

/**
 * PostgreSQL: the list index (db/device-list/) on this engine too, so it needs 0009's change log
 * here. A sequence cannot be it: numbers are taken in statement order and committed in another, so
 * a reader that saw up to N can miss an N-1 that commits later. Each device's latest change keeps
 * instead the id of the transaction that made it. Every transaction not yet visible to a snapshot
 * has an id at or past that snapshot's xmin, so a reader that last looked with xmin X finds all it
 * has not seen among the entries of X and later (list-changes.ts), whatever the order of commits.
 *
 * Inserts and deletes are noted once per statement (seeding writes thousands of rows a statement);
 * an update per row, as PostgreSQL allows no transition table on a trigger that names its columns.
 */
async function postgresUp(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE device_list_commits (device_id bigint PRIMARY KEY, xid xid8 NOT NULL)`.execute(db);
  await sql`CREATE INDEX device_list_commits_xid ON device_list_commits (xid)`.execute(db);
  const upsert = (ids: string) => `INSERT INTO device_list_commits (device_id, xid) SELECT DISTINCT id, pg_current_xact_id() FROM (${ids}) AS changed (id)
        ON CONFLICT (device_id) DO UPDATE SET xid = EXCLUDED.xid;`;
  const functions: Array<[string, string]> = [
    ['device_list_commits_rows', upsert('SELECT id FROM rows')],
    ['device_list_commits_row', upsert('SELECT NEW.id')],
    ['device_list_commits_tag_rows', upsert('SELECT device_id FROM rows')],
    ['device_list_commits_tag_row', upsert('SELECT OLD.device_id UNION SELECT NEW.device_id')],
  ];
  for (const [name, body] of functions) {
    await sql`CREATE FUNCTION ${sql.id(name)}() RETURNS trigger LANGUAGE plpgsql AS ${sql.raw(`$$ BEGIN ${body} RETURN NULL; END $$`)}`.execute(db);
  }
  const columns = sql.raw(LISTED_COLUMNS_0009.map((c) => `"${c}"`).join(', '));
  await sql`CREATE TRIGGER devices_list_inserted AFTER INSERT ON devices REFERENCING NEW TABLE AS rows FOR EACH STATEMENT EXECUTE FUNCTION device_list_commits_rows()`.execute(db);
  await sql`CREATE TRIGGER devices_list_deleted AFTER DELETE ON devices REFERENCING OLD TABLE AS rows FOR EACH STATEMENT EXECUTE FUNCTION device_list_commits_rows()`.execute(db);
  await sql`CREATE TRIGGER devices_list_updated AFTER UPDATE OF ${columns} ON devices FOR EACH ROW EXECUTE FUNCTION device_list_commits_row()`.execute(db);
  await sql`CREATE TRIGGER device_tags_list_inserted AFTER INSERT ON device_tags REFERENCING NEW TABLE AS rows FOR EACH STATEMENT EXECUTE FUNCTION device_list_commits_tag_rows()`.execute(db);
  await sql`CREATE TRIGGER device_tags_list_deleted AFTER DELETE ON device_tags REFERENCING OLD TABLE AS rows FOR EACH STATEMENT EXECUTE FUNCTION device_list_commits_tag_rows()`.execute(db);
  await sql`CREATE TRIGGER device_tags_list_updated AFTER UPDATE ON device_tags FOR EACH ROW EXECUTE FUNCTION device_list_commits_tag_row()`.execute(db);
}

export function deviceListCommits(dialect: DialectName): Migration {
  return { up: async (db: Kysely<any>) => (dialect === 'postgres' ? postgresUp(db) : undefined) };
}
/* eslint-enable @typescript-eslint/no-explicit-any */
