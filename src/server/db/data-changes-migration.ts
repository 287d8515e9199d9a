import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { DialectName } from './dialect';
import { DATA_CHANGES_CHANNEL } from './notified-data-version';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as it is */

/** The trigger every table has on PostgreSQL; a later migration's new table needs it too (notified-data-version.test.ts checks). */
export const DATA_CHANGES_TRIGGER = 'data_changes';

/** Gives `table` the trigger that announces its changes on the channel. */
const announceChanges = (db: Kysely<any>, table: string) =>
  sql`CREATE TRIGGER ${sql.id(DATA_CHANGES_TRIGGER)} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${sql.table(table)}
      FOR EACH STATEMENT EXECUTE FUNCTION announce_data_change()`.execute(db);

/**
 * PostgreSQL: any statement that changes a table announces it on one channel, so each replica
 * knows, without asking, when its kept answers and its list index may be out of date (SQLite
 * tells this itself: `PRAGMA data_version`). One trigger a statement, not a row; PostgreSQL sends
 * equal notifications of one transaction once, at its commit, and none for a rolled-back one.
 */
export function dataChanges(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      if (dialect !== 'postgres') return;
      await sql`CREATE FUNCTION announce_data_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM pg_notify(${sql.lit(DATA_CHANGES_CHANNEL)}, '');
          RETURN NULL;
        END $$`.execute(db);
      const { rows } = await sql<{ name: string }>`SELECT tablename AS name FROM pg_tables
        WHERE schemaname = current_schema() AND tablename NOT LIKE 'kysely\\_%' ORDER BY 1`.execute(db);
      for (const { name } of rows) await announceChanges(db, name);
    },
  };
}
/* eslint-enable @typescript-eslint/no-explicit-any */
