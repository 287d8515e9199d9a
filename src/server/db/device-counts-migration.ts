import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from './connect';

/** The columns of `device_counts`' groups: the list filters that compare a column with values. */
export const COUNTED_COLUMNS = ['workspace_id', 'product_id', 'node_type', 'online_status', 'status', 'frozen'] as const;

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as it is */

/**
 * SQLite only: the number of devices in each group of equal filter columns, kept by triggers, so
 * the total of an unfiltered or equality-filtered list is a sum over a few dozen rows instead of
 * counting up to 100,000 index entries (2 ms, the largest part of the console's first page).
 * PostgreSQL counts as before: concurrent writers there would contend on these rows.
 */
export function deviceCounts(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      if (dialect !== 'sqlite') return;
      await db.schema
        .createTable('device_counts')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('product_id', 'bigint', (c) => c.notNull())
        .addColumn('node_type', 'integer', (c) => c.notNull())
        .addColumn('online_status', 'integer', (c) => c.notNull())
        .addColumn('status', 'integer', (c) => c.notNull())
        .addColumn('frozen', 'integer', (c) => c.notNull())
        .addColumn('devices', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('device_counts_pk', [...COUNTED_COLUMNS])
        .execute();

      const columns = sql.join(COUNTED_COLUMNS.map((c) => sql.ref(c)));
      const values = (row: 'new' | 'old') => sql.join(COUNTED_COLUMNS.map((c) => sql.ref(`${row}.${c}`)));
      const sameGroup = (row: 'new' | 'old') => sql.join(COUNTED_COLUMNS.map((c) => sql`${sql.ref(c)} = ${sql.ref(`${row}.${c}`)}`), sql` AND `);
      const changed = sql.join(COUNTED_COLUMNS.map((c) => sql`${sql.ref(`old.${c}`)} IS NOT ${sql.ref(`new.${c}`)}`), sql` OR `);
      const add = sql`INSERT INTO device_counts (${columns}, devices) VALUES (${values('new')}, 1)
        ON CONFLICT (${columns}) DO UPDATE SET devices = devices + 1;`;
      const remove = sql`UPDATE device_counts SET devices = devices - 1 WHERE ${sameGroup('old')};`;

      await sql`CREATE TRIGGER device_counts_insert AFTER INSERT ON devices BEGIN ${add} END`.execute(db);
      await sql`CREATE TRIGGER device_counts_delete AFTER DELETE ON devices BEGIN ${remove} END`.execute(db);
      await sql`CREATE TRIGGER device_counts_update AFTER UPDATE OF ${columns} ON devices WHEN ${changed} BEGIN ${remove} ${add} END`.execute(db);
      await sql`INSERT INTO device_counts (${columns}, devices) SELECT ${columns}, COUNT(*) FROM devices GROUP BY ${columns}`.execute(db);
    },
  };
}
/* eslint-enable @typescript-eslint/no-explicit-any */
